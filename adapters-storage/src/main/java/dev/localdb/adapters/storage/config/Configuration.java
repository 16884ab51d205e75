package dev.localdb.adapters.storage.config;

import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.model.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective settings and, for {@code localdb config}, where each value came from.
 *
 * @param file       where config.json is looked for ($LOCALDB_HOME/config.json)
 * @param fileFound  whether it exists (a missing file is fine: defaults apply)
 * @param values     one entry per {@link ConfigKey}, in the key's order
 * @param allocation what the allocator uses: ranges, preferred port, excluded and avoided ports, cleanup interval
 * @param ephemeral  the OS ephemeral port range localdb never hands out, and where it was read
 * @param logsMaxBytes how large a server log may grow before it is rotated (one rotated file is kept)
 * @param proxy      the name proxy's ports and whether {@code start} brings it up
 */
public record Configuration(Path file, boolean fileFound, List<Effective> values, AllocationSettings allocation,
                            Duration lockTimeout, Ephemeral ephemeral, long logsMaxBytes, Proxy proxy) {

    /**
     * @param autoStart whether {@code localdb start} brings the proxy up ({@code proxy.autoStart}, {@code LOCALDB_PROXY=off})
     * @param idleStop  how long a server the proxy started on demand may go without a request
     *                  before the proxy stops it ({@code proxy.idleStopMinutes}); empty: never (the default)
     */
    public record Proxy(int httpPort, int httpsPort, boolean autoStart, Optional<Duration> idleStop) {
        public Proxy(int httpPort, int httpsPort, boolean autoStart) {
            this(httpPort, httpsPort, autoStart, Optional.empty());
        }
    }

    public Configuration {
        values = List.copyOf(values);
    }

    /**
     * One setting's effective value.
     *
     * @param value a {@code List<String>} of ranges, an {@code Integer} port, a {@code Boolean}, a {@code Long} or a {@code BigDecimal} (minutes with a fraction)
     * @param note  extra words for the source, e.g. "first port of portRanges"; empty when none
     */
    public record Effective(ConfigKey key, Object value, SettingSource source, String note) {
        public Effective {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param source e.g. the /proc file it was read from, or why a fallback is used */
    public record Ephemeral(PortRange range, String source) {
    }

    public Effective value(ConfigKey key) {
        return values.stream().filter(v -> v.key() == key).findFirst().orElseThrow();
    }

    public boolean usesDefaultExclusions() {
        return (Boolean) value(ConfigKey.USE_DEFAULT_EXCLUSIONS).value();
    }
}
