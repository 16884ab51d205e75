package dev.localdb.adapters.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad value is one line naming the file and key (or the variable), what is wrong, and a good value. */
class ConfigErrorsTest {
    @TempDir
    Path home;

    private InvalidInputException errorFor(String json) throws Exception {
        Path file = home.resolve("config.json");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, json);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.load(Map.of(), file, Optional.of(PortRange.of(32768, 60999))));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(thrown.getMessage().lines()).hasSize(1);
        assertThat(thrown.getMessage()).startsWith("Config file " + file + ": ");
        return (InvalidInputException) thrown;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"portRanges\": \"9000-8000\"}|\"portRanges\": \"9000-8000\" is invalid: Invalid port range 9000-8000: the first port must not be above the last. Example: \"portRanges\": [\"3000-3999\", \"8000-8099\"]",
        "{\"portRanges\": []}|\"portRanges\": [] is invalid: at least one port range is needed. Example:",
        "{\"portRanges\": 3000}|\"portRanges\": 3000 is invalid: use a list of ports and ranges. Example:",
        "{\"portRanges\": [\"3000-3999\", true]}|is invalid: each entry must be a port (1-65535) or a range in quotes, not true.",
        "{\"portRanges\": [70000]}|is invalid: each entry must be a port (1-65535) or a range in quotes, not 70000.",
        "{\"preferredPort\": \"3000\"}|\"preferredPort\": \"3000\" is invalid: a port is a number from 1 to 65535. Example: \"preferredPort\": 3000",
        "{\"preferredPort\": 3000.5}|\"preferredPort\": 3000.5 is invalid: a port is a number from 1 to 65535.",
        "{\"preferredPort\": 0}|\"preferredPort\": 0 is invalid: a port is a number from 1 to 65535.",
        "{\"excludedPorts\": [\"80-x\"]}|\"excludedPorts\": [\"80-x\"] is invalid: Invalid port \"x\": a port is a number from 1 to 65535. Example: \"excludedPorts\": [8080, \"9000-9099\"]",
        "{\"useDefaultExclusions\": \"false\"}|\"useDefaultExclusions\": \"false\" is invalid: use true or false, without quotes. Example: \"useDefaultExclusions\": false",
        "{\"lockTimeoutMs\": 0}|\"lockTimeoutMs\": 0 is invalid: use whole milliseconds from 1 to 600000. Example: \"lockTimeoutMs\": 10000",
        "{\"lockTimeoutMs\": 123456789012345678901234567890}|\"lockTimeoutMs\": 123456789012345678901234567890 is invalid: use whole milliseconds",
        "{\"cleanupIntervalSeconds\": -1}|\"cleanupIntervalSeconds\": -1 is invalid: use whole seconds from 0 (clean up on every allocation) to 31536000 (a year). Example: \"cleanupIntervalSeconds\": 3600",
        "{\"cleanupIntervalSeconds\": null}|\"cleanupIntervalSeconds\": null is invalid: null is not a value; remove the key to use the default.",
    })
    void aBadValueNamesTheKeyTheProblemAndAGoodValue(String json, String expected) throws Exception {
        assertThat(errorFor(json).getMessage()).contains(expected);
    }

    @Test
    void anUnknownKeySuggestsTheClosestKnownKey() throws Exception {
        assertThat(errorFor("{\"portRange\": [\"3000-3999\"]}").getMessage())
                .endsWith(": unknown key \"portRange\"; did you mean \"portRanges\"? Known keys: portRanges, preferredPort,"
                        + " excludedPorts, useDefaultExclusions, lockTimeoutMs, cleanupIntervalSeconds, logs.maxBytes, proxy.httpPort, proxy.httpsPort, proxy.autoStart, proxy.idleStopMinutes.");
        assertThat(errorFor("{\"lock_timeout_ms\": 5}").getMessage()).contains("did you mean \"lockTimeoutMs\"?");
        assertThat(errorFor("{\"CleanupIntervalSeconds\": 5}").getMessage()).contains("did you mean \"cleanupIntervalSeconds\"?");
    }

    @Test
    void anUnknownKeyFarFromEveryKnownKeyGetsTheListOnly() throws Exception {
        assertThat(errorFor("{\"colour\": \"red\"}").getMessage())
                .contains("unknown key \"colour\"; Known keys: portRanges").doesNotContain("did you mean");
    }

    @Test
    void anUnknownKeyIsReportedEvenWhenTheVariableSetsThatSetting() throws Exception {
        // A typo in the file must not hide behind the environment.
        Path file = home.resolve("config.json");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "{\"excludedPort\": [1]}");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOCALDB_EXCLUDED_PORTS", "8080"), file, Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("did you mean \"excludedPorts\"?");
    }

    @Test
    void controlCharactersInKeysAndValuesAreEscaped() throws Exception {
        assertThat(errorFor("{\"bad\\u001b[2Jkey\": 1}").getMessage()).contains("\\u001b").doesNotContain("\u001b");
        assertThat(errorFor("{\"preferredPort\": \"\\u001b[2J\"}").getMessage()).contains("\\u001b").doesNotContain("\u001b");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "LOCALDB_PORT_RANGES|9000-8000|LOCALDB_PORT_RANGES=\"9000-8000\" is invalid: Invalid port range 9000-8000: the first port must not be above the last. Example: LOCALDB_PORT_RANGES=3000-3999,8000-8099",
        "LOCALDB_LOCK_TIMEOUT_MS|ten|LOCALDB_LOCK_TIMEOUT_MS=\"ten\" is invalid: use whole milliseconds from 1 to 600000. Example: LOCALDB_LOCK_TIMEOUT_MS=10000",
        "LOCALDB_PREFERRED_PORT|http|LOCALDB_PREFERRED_PORT=\"http\" is invalid: a port is a number from 1 to 65535. Example: LOCALDB_PREFERRED_PORT=3000",
        "LOCALDB_EXCLUDED_PORTS|8080;9000|LOCALDB_EXCLUDED_PORTS=\"8080;9000\" is invalid: Invalid port \"8080;9000\": a port is a number from 1 to 65535. Example: LOCALDB_EXCLUDED_PORTS=8080,9000-9099",
        "LOCALDB_USE_DEFAULT_EXCLUSIONS|no|LOCALDB_USE_DEFAULT_EXCLUSIONS=\"no\" is invalid: use true or false. Example: LOCALDB_USE_DEFAULT_EXCLUSIONS=false",
        "LOCALDB_CLEANUP_INTERVAL_SECONDS|1h|LOCALDB_CLEANUP_INTERVAL_SECONDS=\"1h\" is invalid: use whole seconds from 0 (clean up on every allocation) to 31536000 (a year). Example: LOCALDB_CLEANUP_INTERVAL_SECONDS=3600",
        "LOCALDB_LOGS_MAX_BYTES|10M|LOCALDB_LOGS_MAX_BYTES=\"10M\" is invalid: use whole bytes from 131072 (128 KiB) to 1099511627776 (1 TiB). Example: LOCALDB_LOGS_MAX_BYTES=10485760",
        "LOCALDB_PROXY|maybe|LOCALDB_PROXY=\"maybe\" is invalid: use on or off. Example: LOCALDB_PROXY=off",
        "LOCALDB_PROXY_HTTP_PORT|80a|LOCALDB_PROXY_HTTP_PORT=\"80a\" is invalid: a port is a number from 1 to 65535. Example: LOCALDB_PROXY_HTTP_PORT=1355",
        "LOCALDB_PROXY_IDLE_STOP_MINUTES|15m|LOCALDB_PROXY_IDLE_STOP_MINUTES=\"15m\" is invalid: use minutes from 0 (never stop, the default) to 10080 (a week); fractions such as 0.5 are allowed. Example: LOCALDB_PROXY_IDLE_STOP_MINUTES=15",
        "LOCALDB_PROXY_IDLE_STOP_MINUTES|-1|LOCALDB_PROXY_IDLE_STOP_MINUTES=\"-1\" is invalid: use minutes from 0 (never stop, the default) to 10080 (a week); fractions such as 0.5 are allowed. Example: LOCALDB_PROXY_IDLE_STOP_MINUTES=15",
        "LOCALDB_LOGS_MAX_BYTES|1000|LOCALDB_LOGS_MAX_BYTES=\"1000\" is invalid: use whole bytes from 131072 (128 KiB) to 1099511627776 (1 TiB). Example: LOCALDB_LOGS_MAX_BYTES=10485760",
    })
    void aBadVariableNamesTheVariable(String variable, String value, String expected) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(variable, value), home.resolve("config.json"), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(expected);
    }

    @Test
    void aGoodVariableDoesNotExcuseABadFileValueForAnotherKey() throws Exception {
        Path file = home.resolve("config.json");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "{\"lockTimeoutMs\": \"slow\"}");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOCALDB_PORT_RANGES", "8000-8099"), file, Optional.empty()))
                .hasMessageContaining("\"lockTimeoutMs\": \"slow\" is invalid");
    }

    @Test
    void aVariableHidesABadFileValueForTheSameKey() throws Exception {
        // The environment wins, so the file's value is not used and not judged.
        Path file = home.resolve("config.json");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "{\"lockTimeoutMs\": \"slow\"}");

        assertThat(ConfigLoader.load(Map.of("LOCALDB_LOCK_TIMEOUT_MS", "500"), file, Optional.empty()).lockTimeout())
                .hasMillis(500);
    }
}
