package dev.localdb.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.adapters.storage.JsonProjectCatalog;
import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxy alias}: an alias is set, moved and removed in aliases.json; a project's name is never one. */
class ProxyAliasesTest {
    private static final ProjectName DB = ProjectName.of("db");

    @TempDir
    Path home;

    private JsonProjectCatalog catalog() {
        return new JsonProjectCatalog(home.resolve("projects"), warning -> { });
    }

    private ProxyAliases aliases() {
        return new ProxyAliases(new ProxyFiles(home), catalog());
    }

    @Test
    void anAliasIsSetMovedAndRemovedOnce() {
        ProxyFiles files = new ProxyFiles(home);

        aliases().add(DB, PortNumber.of(5432));
        assertThat(files.aliases()).isEqualTo(Map.of(DB, PortNumber.of(5432)));
        aliases().add(DB, PortNumber.of(6543));
        assertThat(files.aliases()).as("a second add moves the alias").isEqualTo(Map.of(DB, PortNumber.of(6543)));

        assertThat(aliases().remove(DB)).isTrue();
        assertThat(files.aliases()).isEmpty();
        assertThat(aliases().remove(DB)).as("nothing left to remove").isFalse();
    }

    @Test
    void aProjectsNameIsRefusedAndNothingIsWritten() {
        catalog().create(ProjectConfig.defaults(ProjectName.of("shop"), Instant.now()));

        assertThatThrownBy(() -> aliases().add(ProjectName.of("shop"), PortNumber.of(5432)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("There is a project shop, and shop.localhost is its name: pick another name for the alias.");
        assertThat(new ProxyFiles(home).aliases()).isEmpty();
    }
}
