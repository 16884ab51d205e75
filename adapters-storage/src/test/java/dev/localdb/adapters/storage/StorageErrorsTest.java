package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.RegistryUnusableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage failures reach the user as one line naming the path and the cause, never as a stack trace. */
class StorageErrorsTest {
    @TempDir
    Path home;

    @Test
    void aRuntimeDirectoryBelowAFileCannotBeCreated() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-dir"), "x");
        Path runtime = file.resolve("run");
        JsonFileRegistryStore store = new JsonFileRegistryStore(runtime, Duration.ofSeconds(10), warning -> { });

        assertThatThrownBy(() -> store.update(current -> new dev.localdb.domain.port.RegistryTransaction.Outcome<>(current, null)))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessage("Cannot inspect runtime directory " + runtime + ": Not a directory.");
        assertThatThrownBy(store::read)
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessage("Cannot inspect runtime directory " + runtime + ": Not a directory.");
    }

    @Test
    void aDirectoryWhereTheRegistryBelongsIsRefused() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Files.createDirectories(fixture.data());

        assertThatThrownBy(() -> fixture.add("web", 3000))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessage("Registry " + fixture.data() + " is not a regular file; move it out of the way and try again.");
    }

    @Test
    void aRuntimeDirectoryThatIsAFileIsRefused() throws Exception {
        Path runtime = Files.writeString(home.resolve("run"), "x");
        JsonFileRegistryStore store = new JsonFileRegistryStore(runtime, Duration.ofSeconds(10), warning -> { });

        assertThatThrownBy(store::read)
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessage("Runtime directory " + runtime + " is not a directory; move it out of the way and try again.");
    }
}
