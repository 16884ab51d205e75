package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.RegistryUnusableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link where the registry, its lock or the runtime directory belongs could make
 * localdb write somewhere else (another user's file, a system file): it refuses, and the link's
 * target is left exactly as it was.
 */
class SymlinkRefusalTest {
    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    @Test
    void aSymlinkedRegistryIsRefusedAndItsTargetUntouched() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        Path target = elsewhere.resolve("victim.json");
        Files.move(fixture.data(), target);
        byte[] before = Files.readAllBytes(target);
        Files.createSymbolicLink(fixture.data(), target);

        assertRefused(fixture, "Registry " + fixture.data() + " is a symbolic link");

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(fixture.data()).isSymbolicLink();
    }

    @Test
    void aSymlinkedLockFileIsRefusedAndItsTargetUntouched() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        Path target = elsewhere.resolve("victim.txt");
        Files.writeString(target, "precious");
        Files.delete(fixture.lock());
        Files.createSymbolicLink(fixture.lock(), target);

        assertRefused(fixture, "Registry lock file " + fixture.lock() + " is a symbolic link");

        assertThat(Files.readString(target)).isEqualTo("precious");
    }

    @Test
    void aDanglingSymlinkedLockFileCreatesNothingAtItsTarget() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Files.createDirectories(fixture.runtime);
        Path target = elsewhere.resolve("would-be-created");
        Files.createSymbolicLink(fixture.lock(), target);

        assertRefused(fixture, "Registry lock file " + fixture.lock() + " is a symbolic link");

        assertThat(target).doesNotExist();
    }

    @Test
    void aSymlinkedRuntimeDirectoryIsRefusedAndNothingIsWrittenThrough() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Path realDir = Files.createDirectory(elsewhere.resolve("real-run"));
        Files.writeString(realDir.resolve(".port-registry.json"), "{\"schemaVersion\":1,\"allocations\":[]}");
        Files.createDirectories(fixture.runtime.getParent());
        Files.createSymbolicLink(fixture.runtime, realDir);

        assertRefused(fixture, "Runtime directory " + fixture.runtime + " is a symbolic link");

        try (Stream<Path> files = Files.list(realDir)) {
            assertThat(files).containsExactly(realDir.resolve(".port-registry.json"));
        }
        assertThat(Files.readString(realDir.resolve(".port-registry.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"schemaVersion\":1,\"allocations\":[]}");
    }

    private static void assertRefused(StoreFixture fixture, String start) {
        assertThatThrownBy(() -> fixture.add("api", 3001))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith(start)
                .hasMessageContaining("refuses to follow")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(fixture.store::read)
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith(start);
    }
}
