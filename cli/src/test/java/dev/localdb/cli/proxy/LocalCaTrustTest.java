package dev.localdb.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.adapters.os.CaTrustStores;
import dev.localdb.adapters.os.ExternalCommands;
import dev.localdb.cli.proxy.LocalCaTrust.Outcome;
import dev.localdb.cli.proxy.LocalCaTrust.Store;
import dev.localdb.domain.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA is made by trust only, and {@code --store} reaches the stores as chosen. The stores see
 * a PATH without certutil or a system-store tool and a $HOME of the test's own, so nothing
 * outside the temporary folder changes, even as root.
 */
class LocalCaTrustTest {
    @TempDir
    Path dir;

    private LocalCaTrust trust(Path caDirectory) throws IOException {
        Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        CaTrustStores stores = new CaTrustStores(dir.resolve("user"), "Linux", false, dir.resolve("home"),
                new ExternalCommands(Map.of("PATH", emptyBin.toString()), Duration.ofSeconds(10)));
        return new LocalCaTrust(stores, caDirectory, dir.resolve("home"));
    }

    @Test
    void trustMakesTheCaAndChangesOnlyTheChosenStores() throws IOException {
        Path caDirectory = dir.resolve("home/proxy/ca");
        LocalCaTrust trust = trust(caDirectory);

        LocalCaTrust.LocalCa ca = trust.loadOrCreate();

        assertThat(caDirectory.resolve("ca.pem")).isRegularFile();
        assertThat(ca.describe()).isEqualTo("The local CA of " + dir.resolve("home") + ": " + caDirectory.resolve("ca.pem"));
        List<Outcome> system = trust.trust(ca, Set.of(Store.SYSTEM));
        assertThat(system).singleElement().satisfies(outcome -> {
            assertThat(outcome.text()).startsWith("System store: not changed");
            assertThat(outcome.failed()).isFalse();
        });
        assertThat(trust.trust(ca, Set.of(Store.NSS))).singleElement().extracting(Outcome::text).asString()
                .startsWith("certutil is missing");
    }

    @Test
    void untrustNeverMakesACa() throws IOException {
        Path caDirectory = dir.resolve("home/proxy/ca");

        List<Outcome> outcomes = trust(caDirectory).untrust(EnumSet.allOf(Store.class));

        assertThat(caDirectory.resolve("ca.pem")).doesNotExist();
        assertThat(outcomes).extracting(Outcome::text)
                .containsExactly("Not trusted in the system store (neither update-ca-certificates nor update-ca-trust is installed).");
    }

    @Test
    void aCaFolderThatCannotBeMadeSaysWhatToCheck() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("ca"), "a file where the CA folder belongs");

        assertThatThrownBy(() -> trust(notAFolder).loadOrCreate())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(" (check that folder's owner and permissions, or delete it to make a new CA)");
    }
}
