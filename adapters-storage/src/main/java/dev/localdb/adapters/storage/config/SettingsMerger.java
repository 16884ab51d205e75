package dev.localdb.adapters.storage.config;

import static dev.localdb.adapters.storage.config.ConfigKey.CLEANUP_INTERVAL_SECONDS;
import static dev.localdb.adapters.storage.config.ConfigKey.EXCLUDED_PORTS;
import static dev.localdb.adapters.storage.config.ConfigKey.LOCK_TIMEOUT_MS;
import static dev.localdb.adapters.storage.config.ConfigKey.LOGS_MAX_BYTES;
import static dev.localdb.adapters.storage.config.ConfigKey.PORT_RANGES;
import static dev.localdb.adapters.storage.config.ConfigKey.PREFERRED_PORT;
import static dev.localdb.adapters.storage.config.ConfigKey.PROXY_AUTO_START;
import static dev.localdb.adapters.storage.config.ConfigKey.PROXY_HTTPS_PORT;
import static dev.localdb.adapters.storage.config.ConfigKey.PROXY_HTTP_PORT;
import static dev.localdb.adapters.storage.config.ConfigKey.PROXY_IDLE_STOP_MINUTES;
import static dev.localdb.adapters.storage.config.ConfigKey.USE_DEFAULT_EXCLUSIONS;

import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.BuiltInExclusions;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each input and combines them into the allocator's settings. Exclusions come in two kinds:
 * the user's excludedPorts and the OS ephemeral range are never handed out; the built-in list is
 * only avoided, so a project (or preferredPort) that names one of its ports gets it.
 */
final class SettingsMerger {
    static final long DEFAULT_LOCK_TIMEOUT_MS = 10_000;
    static final long MAX_LOCK_TIMEOUT_MS = 600_000;
    static final long DEFAULT_CLEANUP_SECONDS = 3_600;
    static final long MAX_CLEANUP_SECONDS = 31_536_000;
    static final long DEFAULT_LOGS_MAX_BYTES = 10L * 1024 * 1024;
    /** Below this a log could not even hold the tail that a failed start shows. */
    static final long MIN_LOGS_MAX_BYTES = 128L * 1024;
    static final long MAX_LOGS_MAX_BYTES = 1L << 40;
    static final int DEFAULT_PROXY_HTTP_PORT = 1355;
    static final int DEFAULT_PROXY_HTTPS_PORT = 1443;
    static final int MAX_IDLE_STOP_MINUTES = 7 * 24 * 60;

    private SettingsMerger() {
    }

    static Configuration merge(Path file, boolean fileFound, Map<ConfigKey, SettingInput> inputs, Configuration.Ephemeral ephemeral) {
        List<Configuration.Effective> values = new ArrayList<>();
        AllocationSettings defaults = AllocationSettings.defaults();

        Optional<SettingInput> rangesInput = input(inputs, PORT_RANGES);
        List<PortRange> ranges = rangesInput.map(SettingParsers::ranges).orElse(defaults.ranges());
        values.add(effective(PORT_RANGES, ranges.stream().map(PortRange::toString).toList(), rangesInput, ""));

        Optional<SettingInput> preferredInput = input(inputs, PREFERRED_PORT);
        Optional<PortNumber> preferred = preferredInput.map(SettingParsers::port);
        PortNumber preferredPort = preferred.orElse(ranges.get(0).first());
        values.add(effective(PREFERRED_PORT, preferredPort.value(), preferredInput,
                preferred.isPresent() ? "" : "first port of portRanges"));

        Optional<SettingInput> excludedInput = input(inputs, EXCLUDED_PORTS);
        PortSet userExcluded = excludedInput.map(SettingParsers::portSet).orElse(PortSet.empty());
        values.add(effective(EXCLUDED_PORTS, userExcluded.ranges().stream().map(SettingsMerger::shown).toList(), excludedInput, ""));

        Optional<SettingInput> builtInInput = input(inputs, USE_DEFAULT_EXCLUSIONS);
        boolean useBuiltIns = builtInInput.map(SettingParsers::bool).orElse(true);
        values.add(effective(USE_DEFAULT_EXCLUSIONS, useBuiltIns, builtInInput, ""));

        Optional<SettingInput> lockInput = input(inputs, LOCK_TIMEOUT_MS);
        long lockMs = lockInput.map(i -> SettingParsers.wholeNumber(i, 1, MAX_LOCK_TIMEOUT_MS,
                "use whole milliseconds from 1 to " + MAX_LOCK_TIMEOUT_MS)).orElse(DEFAULT_LOCK_TIMEOUT_MS);
        values.add(effective(LOCK_TIMEOUT_MS, lockMs, lockInput, ""));

        Optional<SettingInput> cleanupInput = input(inputs, CLEANUP_INTERVAL_SECONDS);
        long cleanupSeconds = cleanupInput.map(i -> SettingParsers.wholeNumber(i, 0, MAX_CLEANUP_SECONDS,
                "use whole seconds from 0 (clean up on every allocation) to " + MAX_CLEANUP_SECONDS + " (a year)"))
                .orElse(DEFAULT_CLEANUP_SECONDS);
        values.add(effective(CLEANUP_INTERVAL_SECONDS, cleanupSeconds, cleanupInput, ""));

        Optional<SettingInput> logsInput = input(inputs, LOGS_MAX_BYTES);
        long logsMaxBytes = logsInput.map(i -> SettingParsers.wholeNumber(i, MIN_LOGS_MAX_BYTES, MAX_LOGS_MAX_BYTES,
                "use whole bytes from " + MIN_LOGS_MAX_BYTES + " (128 KiB) to " + MAX_LOGS_MAX_BYTES + " (1 TiB)"))
                .orElse(DEFAULT_LOGS_MAX_BYTES);
        values.add(effective(LOGS_MAX_BYTES, logsMaxBytes, logsInput, ""));

        Optional<SettingInput> httpInput = input(inputs, PROXY_HTTP_PORT);
        PortNumber proxyHttp = httpInput.map(SettingParsers::port).orElse(PortNumber.of(DEFAULT_PROXY_HTTP_PORT));
        values.add(effective(PROXY_HTTP_PORT, proxyHttp.value(), httpInput, ""));
        Optional<SettingInput> httpsInput = input(inputs, PROXY_HTTPS_PORT);
        PortNumber proxyHttps = httpsInput.map(SettingParsers::port).orElse(PortNumber.of(DEFAULT_PROXY_HTTPS_PORT));
        values.add(effective(PROXY_HTTPS_PORT, proxyHttps.value(), httpsInput, ""));
        if (proxyHttp.equals(proxyHttps)) {
            throw httpsInput.orElseGet(() -> httpInput.orElseThrow()).invalid("the proxy's HTTP and HTTPS ports must differ");
        }
        Optional<SettingInput> autoInput = input(inputs, PROXY_AUTO_START);
        boolean proxyAutoStart = autoInput.map(SettingParsers::onOff).orElse(true);
        values.add(effective(PROXY_AUTO_START, proxyAutoStart, autoInput, ""));
        Optional<SettingInput> idleInput = input(inputs, PROXY_IDLE_STOP_MINUTES);
        BigDecimal idleMinutes = idleInput.map(i -> SettingParsers.decimal(i, BigDecimal.ZERO, BigDecimal.valueOf(MAX_IDLE_STOP_MINUTES),
                "use minutes from 0 (never stop, the default) to " + MAX_IDLE_STOP_MINUTES + " (a week); fractions such as 0.5 are allowed"))
                .orElse(BigDecimal.ZERO).stripTrailingZeros();
        // Shown as typed: 15, not 1.5E+1; a fraction as 0.5.
        Object shownMinutes = idleMinutes.scale() <= 0 ? (Object) idleMinutes.longValueExact() : idleMinutes;
        values.add(effective(PROXY_IDLE_STOP_MINUTES, shownMinutes, idleInput, idleMinutes.signum() == 0 ? "off" : ""));
        Optional<Duration> idleStop = idleMinutes.signum() == 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.max(1, idleMinutes.multiply(BigDecimal.valueOf(60_000)).longValue())));

        // The proxy's ports are never a project's, even while the proxy is down: it must find them free.
        PortSet excluded = userExcluded.union(PortSet.of(ephemeral.range())).union(PortSet.ofPorts(List.of(proxyHttp, proxyHttps)));
        PortSet avoided = useBuiltIns ? BuiltInExclusions.ports() : PortSet.empty();
        if (preferred.isPresent()) {
            refuseExcludedPreferredPort(preferredInput.get(), preferred.get(), userExcluded, ephemeral);
            // The user named this port for every project: like a project's own port, it beats the built-in list.
            avoided = avoided.without(preferred.get());
        }
        AllocationSettings allocation = defaults.withRanges(ranges).withPreferredPort(preferredPort)
                .withExclusions(excluded, avoided).withCleanupInterval(Duration.ofSeconds(cleanupSeconds));
        return new Configuration(file, fileFound, values, allocation, Duration.ofMillis(lockMs), ephemeral, logsMaxBytes,
                new Configuration.Proxy(proxyHttp.value(), proxyHttps.value(), proxyAutoStart, idleStop));
    }

    private static void refuseExcludedPreferredPort(SettingInput input, PortNumber port, PortSet userExcluded,
                                                    Configuration.Ephemeral ephemeral) {
        if (ephemeral.range().contains(port)) {
            throw input.invalid("port " + port + " lies in the OS ephemeral port range " + ephemeral.range()
                    + ", which localdb never hands out");
        }
        if (userExcluded.contains(port)) {
            throw input.invalid("port " + port + " is also in excludedPorts");
        }
    }

    private static Optional<SettingInput> input(Map<ConfigKey, SettingInput> inputs, ConfigKey key) {
        return Optional.ofNullable(inputs.get(key));
    }

    private static Configuration.Effective effective(ConfigKey key, Object value, Optional<SettingInput> input, String note) {
        return new Configuration.Effective(key, value, input.map(SettingInput::source).orElse(SettingSource.DEFAULT), note);
    }

    /** A single port without a dash, as a user would write it. */
    static String shown(PortRange range) {
        return range.size() == 1 ? range.first().toString() : range.toString();
    }
}
