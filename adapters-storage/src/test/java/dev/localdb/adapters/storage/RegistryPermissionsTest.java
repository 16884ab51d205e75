package dev.localdb.adapters.storage;

import static dev.localdb.adapters.storage.StoreFixture.permissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.model.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only the user can see or change the registry. The JVM cannot change its umask, so these tests
 * check the permissions files and directories really get under the umask the build runs with;
 * the store asks for 0600/0700 when it creates them, so no umask can make them wider.
 */
class RegistryPermissionsTest {
    @TempDir
    Path home;

    @Test
    void theRuntimeDirectoryAndItsMissingParentsAreCreatedPrivate() throws Exception {
        StoreFixture fixture = new StoreFixture(home);

        fixture.add("web", 3000);

        assertThat(permissions(fixture.runtime)).isEqualTo("rwx------");
        assertThat(permissions(fixture.runtime.getParent())).isEqualTo("rwx------");
    }

    @Test
    void theRegistryAndItsLockFileAreCreatedPrivate() throws Exception {
        StoreFixture fixture = new StoreFixture(home);

        fixture.add("web", 3000);

        assertThat(permissions(fixture.data())).isEqualTo("rw-------");
        assertThat(permissions(fixture.lock())).isEqualTo("rw-------");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-rw----", "rw----rw-", "rw-rw-rw-"})
    void aRegistryOthersCanWriteIsRefusedAndLeftAsItWas(String loose) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        byte[] before = Files.readAllBytes(fixture.data());
        Files.setPosixFilePermissions(fixture.data(), PosixFilePermissions.fromString(loose));

        assertThatThrownBy(() -> fixture.add("api", 3001))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith("Registry " + fixture.data() + " can be written by other users (mode 0")
                .hasMessageContaining("chmod 600");
        assertThatThrownBy(fixture.store::read).isInstanceOf(RegistryUnusableException.class);
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
        assertThat(permissions(fixture.data())).isEqualTo(loose);
    }

    @Test
    void aLockFileOthersCanWriteIsRefused() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        byte[] before = Files.readAllBytes(fixture.data());
        Files.setPosixFilePermissions(fixture.lock(), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> fixture.add("api", 3001))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith("Registry lock file " + fixture.lock() + " can be written by other users (mode 0666)");
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
    }

    @Test
    void aDamagedRegistryIsSetAsideWithItsPrivatePermissions() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry("garbage".getBytes(StandardCharsets.UTF_8));

        fixture.add("web", 3000);

        assertThat(fixture.filesStartingWith(".port-registry.json.corrupt-"))
                .singleElement()
                .satisfies(kept -> assertThat(permissions(kept)).isEqualTo("rw-------"));
    }

    @Test
    void anExistingRuntimeDirectoryOthersCanOnlyReadIsAccepted() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Files.createDirectories(fixture.runtime);
        Files.setPosixFilePermissions(fixture.runtime, PosixFilePermissions.fromString("rwxr-xr-x"));

        fixture.add("web", 3000);

        assertThat(fixture.store.read().size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rwxrwx---", "rwx---rwx", "rwxrwxrwx"})
    void aRuntimeDirectoryOthersCanWriteIsRefused(String loose) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        byte[] before = Files.readAllBytes(fixture.data());
        Files.setPosixFilePermissions(fixture.runtime, PosixFilePermissions.fromString(loose));

        assertThatThrownBy(() -> fixture.add("api", 3001))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageContaining("Runtime directory " + fixture.runtime + " can be written by other users")
                .hasMessageContaining("chmod 700");
        assertThatThrownBy(fixture.store::read).isInstanceOf(RegistryUnusableException.class);
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
        assertThat(permissions(fixture.runtime)).isEqualTo(loose);
    }

    @Test
    void readingAMissingRegistryCreatesNothing() {
        StoreFixture fixture = new StoreFixture(home);

        assertThat(fixture.store.read()).isEqualTo(Registry.EMPTY);

        assertThat(fixture.runtime.getParent()).doesNotExist();
    }
}
