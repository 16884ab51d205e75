package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code onDemand} in project.json: {@code true} when set, left out otherwise, so older files and older readers agree. */
class ProjectOnDemandFileTest {
    private static final Instant CREATED = Instant.parse("2025-03-04T05:06:07Z");
    private static final ProjectName SHOP = ProjectName.of("shop");

    @TempDir
    Path home;

    private JsonProjectCatalog catalog() {
        return new JsonProjectCatalog(home.resolve("projects"), warning -> {
        });
    }

    private Path file() {
        return home.resolve("projects/shop/project.json");
    }

    private void writeFile(String json) throws Exception {
        Files.createDirectories(file().getParent().resolve("data"));
        Files.write(file(), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOnDemandProjectIsWrittenWithOnDemandTrueLast() throws Exception {
        catalog().create(new ProjectConfig(SHOP, Optional.empty(), Optional.of("serve"), Optional.empty(), CREATED,
                List.of(PortName.of("api")), true));

        assertThat(Files.readString(file())).isEqualTo("""
                {
                  "name" : "shop",
                  "preferredPort" : null,
                  "command" : "serve",
                  "workingDirectory" : null,
                  "createdAt" : "2025-03-04T05:06:07Z",
                  "portNames" : [ "api" ],
                  "onDemand" : true
                }
                """);
        assertThat(catalog().find(SHOP).orElseThrow().onDemand()).isTrue();
    }

    @Test
    void aProjectThatIsNotOnDemandHasTheFileItHadBefore() throws Exception {
        catalog().create(ProjectConfig.defaults(SHOP, CREATED));

        assertThat(Files.readString(file())).doesNotContain("onDemand");
        assertThat(catalog().find(SHOP).orElseThrow().onDemand()).isFalse();
    }

    @Test
    void anUpdateTurnsItOnAndOff() {
        ProjectConfig created = catalog().create(ProjectConfig.defaults(SHOP, CREATED));

        catalog().update(created.withOnDemand(true));
        assertThat(catalog().find(SHOP).orElseThrow()).isEqualTo(created.withOnDemand(true));

        catalog().update(created.withOnDemand(false));
        assertThat(catalog().find(SHOP).orElseThrow()).isEqualTo(created);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "absent (an older file) | ''                       | false",
            "false                  | ,\"onDemand\":false      | false",
            "null                   | ,\"onDemand\":null       | false",
            "true                   | ,\"onDemand\":true       | true"})
    void itIsReadFromTheFile(String written, String field, boolean onDemand) throws Exception {
        writeFile("{\"name\":\"shop\",\"createdAt\":\"2025-01-01T00:00:00Z\"" + field + "}");

        assertThat(catalog().find(SHOP).orElseThrow().onDemand()).isEqualTo(onDemand);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"a string | \"yes\"", "a number | 1", "a list | [true]"})
    void aValueThatIsNotABooleanMakesTheProjectFileDamaged(String damage, String value) throws Exception {
        writeFile("{\"name\":\"shop\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"onDemand\":" + value + "}");

        assertThatThrownBy(() -> catalog().find(SHOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("\"onDemand\"")
                .message().doesNotContain("\n");
    }
}
