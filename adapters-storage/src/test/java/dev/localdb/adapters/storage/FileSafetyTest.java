package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.ConfigUnusableException;
import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.error.StateUnusableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One set of rules for every guarded file, and a refusal whose type names the file it is about. */
class FileSafetyTest {
    @TempDir
    Path home;

    @Test
    void aDamagedConfigFileIsAConfigProblemAndADamagedRegistryARegistryProblem() throws Exception {
        Path config = Files.createSymbolicLink(home.resolve(ConfigFile.NAME), Files.writeString(home.resolve("elsewhere.json"), "{}"));
        StoreFixture fixture = new StoreFixture(home.resolve("runtime"));
        fixture.add("web", 3000);
        Files.move(fixture.data(), home.resolve("moved.json"));
        Files.createSymbolicLink(fixture.data(), home.resolve("moved.json"));

        assertThatThrownBy(() -> ConfigFile.read(config)).isExactlyInstanceOf(ConfigUnusableException.class)
                .hasMessageContaining("is a symbolic link");
        assertThatThrownBy(fixture.store::read).isExactlyInstanceOf(RegistryUnusableException.class)
                .hasMessageContaining("is a symbolic link");
    }

    @Test
    void theSameUnsafeFileIsRefusedWithTheTypeOfTheFileItIs() throws Exception {
        Path file = Files.writeString(home.resolve("any.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        FileFacts facts = FileFacts.of(file).orElseThrow();

        assertThatThrownBy(() -> FileSafety.requireSafeFile(GuardedFile.CONFIG, "Config file " + file, facts))
                .isExactlyInstanceOf(ConfigUnusableException.class).hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> FileSafety.requireSafeFile(GuardedFile.REGISTRY, "Registry " + file, facts))
                .isExactlyInstanceOf(RegistryUnusableException.class).hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> FileSafety.requireSafeFile(GuardedFile.SERVER_FILE, "Server file " + file, facts))
                .isExactlyInstanceOf(StateUnusableException.class).hasMessageContaining("chmod 600");
    }
}
