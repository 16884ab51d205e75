package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.domain.error.RegistryUnusableException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * localdb only uses files of the user running it: someone else's registry could be a trap (or
 * theirs to keep). Giving a file to another user needs root; without root, a directory root owns
 * stands in for "someone else's runtime directory".
 */
class OwnershipTest {
    private static final int OTHER_UID = 4321;

    @TempDir
    Path home;

    @Test
    void aRuntimeDirectoryOfAnotherUserIsRefused() throws Exception {
        Path runtime;
        if (isRoot()) {
            StoreFixture fixture = new StoreFixture(home);
            fixture.add("web", 3000);
            runtime = fixture.runtime;
            Files.setAttribute(runtime, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
        } else {
            runtime = Path.of("/");
        }
        JsonFileRegistryStore store = new JsonFileRegistryStore(runtime, Duration.ofSeconds(10), warning -> { });
        long owner = ((Integer) Files.getAttribute(runtime, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();

        assertThatThrownBy(store::read)
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith("Runtime directory " + runtime + " belongs to user id " + owner + ", not to you");
        assertThatThrownBy(() -> store.update(current -> new dev.localdb.domain.port.RegistryTransaction.Outcome<>(current, null)))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageContaining("set LOCALDB_HOME to a directory of your own");
    }

    @Test
    void aRegistryOfAnotherUserIsRefusedAndLeftAsItWas() throws Exception {
        assumeTrue(isRoot(), "giving a file to another user needs root");
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        byte[] before = Files.readAllBytes(fixture.data());
        Files.setAttribute(fixture.data(), "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);

        assertThatThrownBy(() -> fixture.add("api", 3001))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith("Registry " + fixture.data() + " belongs to user id " + OTHER_UID);
        assertThatThrownBy(fixture.store::read).isInstanceOf(RegistryUnusableException.class);
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
    }

    @Test
    void aLockFileOfAnotherUserIsRefused() throws Exception {
        assumeTrue(isRoot(), "giving a file to another user needs root");
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        byte[] before = Files.readAllBytes(fixture.data());
        Files.setAttribute(fixture.lock(), "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);

        assertThatThrownBy(() -> fixture.add("api", 3001))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageStartingWith("Registry lock file " + fixture.lock() + " belongs to user id " + OTHER_UID);
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
    }

    private static boolean isRoot() throws Exception {
        Path probe = Files.createTempFile("uid-probe", "");
        try {
            return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        } finally {
            Files.delete(probe);
        }
    }
}
