package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProjectCatalog} must do, run against the JSON files and the in-memory fake
 * alike. Reads go through {@link #reopened()} where it matters, so a catalog that only remembers
 * what it wrote in memory cannot pass for one that stores it.
 */
public abstract class ProjectCatalogContract {
    private static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.123456789Z");

    protected ProjectCatalog catalog;

    /** A new, empty catalog for one test. */
    protected abstract ProjectCatalog newCatalog();

    /** The same catalog as a later localdb process sees it: a fresh instance over the same storage. */
    protected abstract ProjectCatalog reopened();

    @BeforeEach
    void createCatalog() {
        catalog = newCatalog();
    }

    @Test
    void anEmptyCatalogHasNoProjects() {
        assertThat(catalog.list()).isEmpty();
        assertThat(catalog.find(ProjectName.of("shop"))).isEmpty();
    }

    @Test
    void aCreatedProjectIsFoundAndListed() {
        ProjectConfig shop = ProjectConfig.defaults(ProjectName.of("shop"), CREATED);

        assertThat(catalog.create(shop)).isEqualTo(shop);

        assertThat(catalog.find(ProjectName.of("shop"))).contains(shop);
        assertThat(reopened().find(ProjectName.of("shop"))).contains(shop);
        assertThat(reopened().list()).containsExactly(shop);
        assertThat(reopened().find(ProjectName.of("other"))).isEmpty();
    }

    @Test
    void everyFieldSurvivesTheRoundTripExactly() {
        ProjectConfig full = new ProjectConfig(ProjectName.of("web-app_2.0"), Optional.of(PortNumber.of(5173)),
                Optional.of("npm run dev -- --port \"$PORT\" # ünïcode, 'quotes' \\ and tabs\tincluded"),
                Optional.of("/srv/my projects/web app"), CREATED);

        catalog.create(full);

        ProjectConfig read = reopened().find(full.name()).orElseThrow();
        assertThat(read).isEqualTo(full);
        assertThat(read.createdAt()).as("nanosecond precision kept").isEqualTo(CREATED);
    }

    @Test
    void portNamesSurviveTheRoundTripInTheirOrder() {
        ProjectConfig named = new ProjectConfig(ProjectName.of("named"), Optional.empty(), Optional.of("serve"), Optional.empty(),
                CREATED, List.of(PortName.of("debug"), PortName.of("api"), PortName.of("dev-tools")));

        catalog.create(named);

        ProjectConfig read = reopened().find(named.name()).orElseThrow();
        assertThat(read).isEqualTo(named);
        assertThat(read.portNames()).containsExactly(PortName.of("debug"), PortName.of("api"), PortName.of("dev-tools"));
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        ProjectConfig bare = ProjectConfig.defaults(ProjectName.of("bare"), Instant.parse("2024-12-31T23:59:59Z"));

        catalog.create(bare);

        ProjectConfig read = reopened().find(bare.name()).orElseThrow();
        assertThat(read.preferredPort()).isEmpty();
        assertThat(read.command()).isEmpty();
        assertThat(read.workingDirectory()).isEmpty();
        assertThat(read).isEqualTo(bare);
    }

    @Test
    void creatingAProjectTwiceFailsAndKeepsTheFirst() {
        ProjectConfig first = ProjectConfig.defaults(ProjectName.of("shop"), CREATED);
        ProjectConfig second = new ProjectConfig(ProjectName.of("shop"), Optional.of(PortNumber.of(4000)),
                Optional.of("sleep 1"), Optional.empty(), CREATED.plusSeconds(60));
        catalog.create(first);

        assertThatThrownBy(() -> reopened().create(second))
                .isInstanceOf(ProjectExistsException.class)
                .hasMessageContaining("shop")
                .hasMessageContaining("use a different name or 'localdb start shop'");

        assertThat(reopened().find(ProjectName.of("shop"))).contains(first);
        assertThat(reopened().list()).containsExactly(first);
    }

    @Test
    void projectsAreListedSortedByName() {
        for (String name : new String[] {"web", "api", "db-2", "db", "0-first"}) {
            catalog.create(ProjectConfig.defaults(ProjectName.of(name), CREATED));
        }

        assertThat(reopened().list()).extracting(config -> config.name().value())
                .containsExactly("0-first", "api", "db", "db-2", "web");
    }

    @Test
    void projectsKeepTheirOwnSettings() {
        ProjectConfig api = new ProjectConfig(ProjectName.of("api"), Optional.of(PortNumber.of(8080)),
                Optional.empty(), Optional.empty(), CREATED);
        ProjectConfig web = new ProjectConfig(ProjectName.of("web"), Optional.empty(),
                Optional.of("python3 -m http.server \"$PORT\""), Optional.of("/tmp"), CREATED.plusSeconds(1));

        catalog.create(api);
        catalog.create(web);

        ProjectCatalog later = reopened();
        assertThat(later.find(api.name())).contains(api);
        assertThat(later.find(web.name())).contains(web);
        assertThat(later.list()).containsExactly(api, web);
    }

    @Test
    void anUpdateReplacesTheConfigurationForLaterReaders() {
        ProjectConfig shop = ProjectConfig.defaults(ProjectName.of("shop"), CREATED);
        catalog.create(shop);
        ProjectConfig edited = new ProjectConfig(shop.name(), Optional.of(PortNumber.of(4000)), Optional.of("serve --port $PORT"),
                Optional.of("/srv/shop"), CREATED, List.of(PortName.of("api")));

        assertThat(reopened().update(edited)).isEqualTo(edited);

        assertThat(reopened().find(shop.name())).contains(edited);
        assertThat(reopened().list()).containsExactly(edited);
    }

    @Test
    void updatingAProjectThatDoesNotExistFailsAndCreatesNothing() {
        ProjectConfig ghost = ProjectConfig.defaults(ProjectName.of("ghost"), CREATED);

        assertThatThrownBy(() -> catalog.update(ghost))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ghost")
                .hasMessageContaining("does not exist");

        assertThat(reopened().list()).isEmpty();
    }

    @Test
    void aRemovedProjectIsGoneAndItsNameCanBeUsedAgain() {
        ProjectConfig shop = new ProjectConfig(ProjectName.of("shop"), Optional.of(PortNumber.of(4000)), Optional.of("serve"),
                Optional.empty(), CREATED);
        ProjectConfig web = ProjectConfig.defaults(ProjectName.of("web"), CREATED);
        catalog.create(shop);
        catalog.create(web);

        assertThat(reopened().remove(shop.name(), true)).hasValueSatisfying(removal -> {
            assertThat(removal.config()).isEqualTo(shop);
            assertThat(removal.keptData()).as("purged").isEmpty();
        });

        assertThat(reopened().find(shop.name())).isEmpty();
        assertThat(reopened().list()).containsExactly(web);
        assertThat(reopened().remove(shop.name(), false)).as("a second removal").isEmpty();
        ProjectConfig again = ProjectConfig.defaults(shop.name(), CREATED.plusSeconds(60));
        assertThat(reopened().create(again)).isEqualTo(again);
        assertThat(reopened().find(shop.name())).contains(again);
    }

    @Test
    void removingAProjectWithoutDataKeepsNothing() {
        catalog.create(ProjectConfig.defaults(ProjectName.of("shop"), CREATED));

        assertThat(reopened().remove(ProjectName.of("shop"), false)).hasValueSatisfying(removal ->
                assertThat(removal.keptData()).as("an empty data folder is not kept").isEmpty());
        assertThat(reopened().keptData(ProjectName.of("shop"))).isEmpty();
    }
}
