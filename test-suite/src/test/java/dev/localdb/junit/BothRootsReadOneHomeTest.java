package dev.localdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.cli.Settings;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two composition roots, the cli and the JUnit extension, given the same home: the same
 * folders, and from its config.json the same ranges and exclusions. (In the extension's package
 * to reach what it resolves; both roots are on this module's class path.)
 */
class BothRootsReadOneHomeTest {
    @TempDir
    Path home;
    private final String homeProperty = System.getProperty(HomeLocation.PROPERTY);

    @AfterEach
    void restoreTheProperty() {
        if (homeProperty == null) {
            System.clearProperty(HomeLocation.PROPERTY);
        } else {
            System.setProperty(HomeLocation.PROPERTY, homeProperty);
        }
    }

    @Test
    void theCliAndTheExtensionResolveTheSameLayoutAndSettingsFromOneHome() throws Exception {
        Path config = Files.writeString(home.resolve("config.json"),
                "{\"portRanges\": [\"23100-23199\", \"24000-24009\"], \"excludedPorts\": [23150]}\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(LocalDbHome.ENV, home.toString());
        System.setProperty(HomeLocation.PROPERTY, home.toString());

        LocalDbHome cliHome = LocalDbHome.from(env, System.getProperty("user.home"));
        LocalDbHome extensionHome = HomeLocation.resolve();
        AllocationSettings cli = Settings.from(env).allocation();
        AllocationSettings extension = LocalDbPorts.settings(extensionHome);

        assertThat(extensionHome).isEqualTo(cliHome);
        assertThat(extensionHome.runtime()).isEqualTo(home.resolve("runtime"));
        assertThat(extensionHome.projects()).isEqualTo(home.resolve("projects"));
        assertThat(extension).isEqualTo(cli);
        assertThat(extension.ranges()).containsExactly(PortRange.of(23100, 23199), PortRange.of(24000, 24009));
        assertThat(extension.excluded().contains(PortNumber.of(23150))).isTrue();
    }
}
