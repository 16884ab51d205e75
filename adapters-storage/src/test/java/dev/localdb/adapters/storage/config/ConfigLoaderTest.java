package dev.localdb.adapters.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.BuiltInExclusions;
import dev.localdb.domain.error.ConfigUnusableException;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence (environment > config.json > default), the merged allocation settings, and one-line errors. */
class ConfigLoaderTest {
    private static final Optional<PortRange> LINUX_EPHEMERAL = Optional.of(PortRange.of(32768, 60999));

    @TempDir
    Path home;

    private Path file() {
        return home.resolve("config.json");
    }

    private void write(String json) throws Exception {
        Files.deleteIfExists(file());
        Files.createFile(file(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file(), json);
    }

    private Configuration load(Map<String, String> env) {
        return ConfigLoader.load(env, file(), LINUX_EPHEMERAL);
    }

    private Configuration load() {
        return load(Map.of());
    }

    @Test
    void withoutFileOrVariablesEveryValueIsTheDefault() {
        Configuration config = load();

        assertThat(config.fileFound()).isFalse();
        assertThat(config.values()).extracting(Configuration.Effective::key).containsExactly(ConfigKey.values());
        assertThat(config.values()).allSatisfy(v -> assertThat(v.source()).isEqualTo(SettingSource.DEFAULT));
        AllocationSettings allocation = config.allocation();
        assertThat(allocation.ranges()).isEqualTo(AllocationSettings.defaults().ranges());
        assertThat(allocation.preferredPort()).isEqualTo(PortNumber.of(3000));
        assertThat(allocation.cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(allocation.avoided()).isEqualTo(BuiltInExclusions.ports());
        // The name proxy's ports are never a project's.
        assertThat(allocation.excluded().ranges())
                .containsExactly(PortRange.of(1355, 1355), PortRange.of(1443, 1443), PortRange.of(32768, 60999));
        assertThat(config.proxy()).isEqualTo(new Configuration.Proxy(1355, 1443, true));
        assertThat(config.value(ConfigKey.PREFERRED_PORT).note()).isEqualTo("first port of portRanges");
    }

    @Test
    void everyKeyIsReadFromTheFile() throws Exception {
        write("""
                {"portRanges": ["8000-8099", 9000], "preferredPort": 8050, "excludedPorts": [8010, "8020-8029"],
                 "useDefaultExclusions": false, "lockTimeoutMs": 2500, "cleanupIntervalSeconds": 300, "logs.maxBytes": 200000,
                 "proxy.httpPort": 1400, "proxy.httpsPort": 1401, "proxy.autoStart": false, "proxy.idleStopMinutes": 0.5}
                """);

        Configuration config = load();

        assertThat(config.fileFound()).isTrue();
        assertThat(config.values()).allSatisfy(v -> assertThat(v.source()).isEqualTo(SettingSource.file(file())));
        AllocationSettings allocation = config.allocation();
        assertThat(allocation.ranges()).containsExactly(PortRange.of(8000, 8099), PortRange.of(9000, 9000));
        assertThat(allocation.preferredPort()).isEqualTo(PortNumber.of(8050));
        assertThat(allocation.excluded().ranges())
                .containsExactly(PortRange.of(1400, 1401), PortRange.of(8010, 8010), PortRange.of(8020, 8029), PortRange.of(32768, 60999));
        assertThat(allocation.avoided().isEmpty()).isTrue();
        assertThat(allocation.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.logsMaxBytes()).isEqualTo(200_000L);
        assertThat(config.proxy()).isEqualTo(new Configuration.Proxy(1400, 1401, false, Optional.of(Duration.ofSeconds(30))));
        assertThat(config.value(ConfigKey.PROXY_IDLE_STOP_MINUTES).value()).hasToString("0.5");
        assertThat(config.value(ConfigKey.EXCLUDED_PORTS).value()).isEqualTo(List.of("8010", "8020-8029"));
    }

    @Test
    void theIdleStopIsOffUnlessSetAndShownInTheMinutesGiven() throws Exception {
        assertThat(load().proxy().idleStop()).isEmpty();
        assertThat(load().value(ConfigKey.PROXY_IDLE_STOP_MINUTES).note()).isEqualTo("off");

        Configuration fifteen = load(Map.of("LOCALDB_PROXY_IDLE_STOP_MINUTES", "15"));
        assertThat(fifteen.proxy().idleStop()).hasValue(Duration.ofMinutes(15));
        assertThat(fifteen.value(ConfigKey.PROXY_IDLE_STOP_MINUTES).value()).hasToString("15");
        assertThat(load(Map.of("LOCALDB_PROXY_IDLE_STOP_MINUTES", "0")).proxy().idleStop()).isEmpty();
    }

    @Test
    void theLogCapIsTenMebibytesUnlessTheFileOrTheVariableSetsIt() throws Exception {
        assertThat(load().logsMaxBytes()).isEqualTo(10L * 1024 * 1024);

        write("{\"logs.maxBytes\": 1048576}");
        assertThat(load().logsMaxBytes()).isEqualTo(1_048_576L);
        assertThat(load().value(ConfigKey.LOGS_MAX_BYTES).source().label()).isEqualTo(file().toString());
        assertThat(load(Map.of("LOCALDB_LOGS_MAX_BYTES", "262144")).logsMaxBytes()).isEqualTo(262_144L);
    }

    @Test
    void aVariableBeatsTheFileAndTheFileBeatsTheDefault() throws Exception {
        write("{\"portRanges\": [\"8000-8099\"], \"lockTimeoutMs\": 2500}");

        Configuration config = load(Map.of("LOCALDB_PORT_RANGES", "7000-7099", "LOCALDB_CLEANUP_INTERVAL_SECONDS", "60"));

        assertThat(config.value(ConfigKey.PORT_RANGES).source()).isEqualTo(SettingSource.environment("LOCALDB_PORT_RANGES"));
        assertThat(config.value(ConfigKey.PORT_RANGES).value()).isEqualTo(List.of("7000-7099"));
        assertThat(config.value(ConfigKey.LOCK_TIMEOUT_MS).source().label()).isEqualTo(file().toString());
        assertThat(config.value(ConfigKey.CLEANUP_INTERVAL_SECONDS).source().label()).isEqualTo("LOCALDB_CLEANUP_INTERVAL_SECONDS");
        assertThat(config.value(ConfigKey.USE_DEFAULT_EXCLUSIONS).source().label()).isEqualTo("default");
        assertThat(config.allocation().ranges()).containsExactly(PortRange.of(7000, 7099));
        assertThat(config.allocation().preferredPort()).isEqualTo(PortNumber.of(7000));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aBlankVariableCountsAsUnset() throws Exception {
        write("{\"lockTimeoutMs\": 2500}");

        assertThat(load(Map.of("LOCALDB_LOCK_TIMEOUT_MS", "  ")).lockTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void everyNewVariableWorks() {
        Configuration config = load(Map.of("LOCALDB_PREFERRED_PORT", "4321", "LOCALDB_EXCLUDED_PORTS", "8080,9000-9009",
                "LOCALDB_USE_DEFAULT_EXCLUSIONS", "FALSE"));

        assertThat(config.allocation().preferredPort()).isEqualTo(PortNumber.of(4321));
        assertThat(config.allocation().excluded().contains(9005)).isTrue();
        assertThat(config.allocation().excluded().contains(8080)).isTrue();
        assertThat(config.usesDefaultExclusions()).isFalse();
        assertThat(config.allocation().avoided().isEmpty()).isTrue();
    }

    @Test
    void theUsersExcludedPortsAddToTheBuiltInsRatherThanReplacingThem() throws Exception {
        write("{\"excludedPorts\": [8080]}");

        AllocationSettings allocation = load().allocation();

        assertThat(allocation.allows(PortNumber.of(8080), true)).isFalse();
        assertThat(allocation.allows(PortNumber.of(5432), false)).isFalse();
        assertThat(allocation.allows(PortNumber.of(5432), true)).isTrue();
    }

    @Test
    void aPreferredPortOnTheBuiltInListIsHonouredBecauseTheUserNamedIt() throws Exception {
        write("{\"preferredPort\": 5000}");

        AllocationSettings allocation = load().allocation();

        assertThat(allocation.allows(PortNumber.of(5000), false)).isTrue();
        assertThat(allocation.allows(PortNumber.of(7000), false)).isFalse();
    }

    @Test
    void aPreferredPortInTheEphemeralRangeIsRefused() throws Exception {
        write("{\"preferredPort\": 40000}");

        assertThatThrownBy(this::load).isInstanceOf(InvalidInputException.class)
                .hasMessage("Config file " + file() + ": \"preferredPort\": 40000 is invalid: port 40000 lies in the OS ephemeral"
                        + " port range 32768-60999, which localdb never hands out. Example: \"preferredPort\": 3000");
    }

    @Test
    void aPreferredPortTheUserAlsoExcludedIsRefused() {
        assertThatThrownBy(() -> load(Map.of("LOCALDB_PREFERRED_PORT", "8080", "LOCALDB_EXCLUDED_PORTS", "8000-8099")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("LOCALDB_PREFERRED_PORT=\"8080\" is invalid: port 8080 is also in excludedPorts. Example: LOCALDB_PREFERRED_PORT=3000");
    }

    @Test
    void withoutAnOsRangeTheIanaDynamicRangeIsExcluded() {
        Configuration config = ConfigLoader.load(Map.of(), file(), Optional.empty());

        assertThat(config.ephemeral().range()).isEqualTo(PortRange.of(49152, 65535));
        assertThat(config.ephemeral().source()).contains("IANA");
        assertThat(config.allocation().excluded().contains(50000)).isTrue();
        assertThat(config.allocation().excluded().contains(40000)).isFalse();
    }

    @Test
    void anEmptyFileIsLikeNoFile() throws Exception {
        write("");

        Configuration config = load();

        assertThat(config.fileFound()).isTrue();
        assertThat(config.values()).allSatisfy(v -> assertThat(v.source()).isEqualTo(SettingSource.DEFAULT));
    }

    @Test
    void anUnsafeFileIsRefusedWithExitCode4sException() throws Exception {
        write("{}");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(this::load).isInstanceOf(ConfigUnusableException.class).hasMessageContaining("chmod 600");
    }
}
