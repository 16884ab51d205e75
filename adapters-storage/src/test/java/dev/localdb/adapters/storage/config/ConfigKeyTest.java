package dev.localdb.adapters.storage.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {
    @Test
    void keysAreCamelCaseAndVariablesFollowTheExistingStyle() {
        assertThat(ConfigKey.values()).allSatisfy(k -> {
            // camelCase, grouped by a dot where a setting belongs to one part (logs.maxBytes, as the issue names it)
            assertThat(k.key()).matches("[a-z][a-zA-Z]+(\\.[a-z][a-zA-Z]+)?");
            assertThat(k.env()).matches("LOCALDB_[A-Z_]+");
        });
        assertThat(ConfigKey.PORT_RANGES.env()).isEqualTo("LOCALDB_PORT_RANGES");
        assertThat(ConfigKey.LOCK_TIMEOUT_MS.env()).isEqualTo("LOCALDB_LOCK_TIMEOUT_MS");
        assertThat(ConfigKey.LOGS_MAX_BYTES.env()).isEqualTo("LOCALDB_LOGS_MAX_BYTES");
    }

    @Test
    void byKeyIsExactAndCaseSensitive() {
        assertThat(ConfigKey.byKey("portRanges")).contains(ConfigKey.PORT_RANGES);
        assertThat(ConfigKey.byKey("PortRanges")).isEmpty();
        assertThat(Arrays.stream(ConfigKey.values()).map(k -> ConfigKey.byKey(k.key()).orElseThrow())).containsExactly(ConfigKey.values());
    }

    @Test
    void closestFindsTyposButNotUnrelatedWords() {
        assertThat(ConfigKey.closest("preferedPort")).contains(ConfigKey.PREFERRED_PORT);
        assertThat(ConfigKey.closest("excludePorts")).contains(ConfigKey.EXCLUDED_PORTS);
        assertThat(ConfigKey.closest("cleanupInterval")).contains(ConfigKey.CLEANUP_INTERVAL_SECONDS);
        assertThat(ConfigKey.closest("useDefaultExclusion")).contains(ConfigKey.USE_DEFAULT_EXCLUSIONS);
        assertThat(ConfigKey.closest("theme")).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(ConfigKey.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ConfigKey.distance("", "abc")).isEqualTo(3);
        assertThat(ConfigKey.distance("same", "same")).isZero();
    }
}
