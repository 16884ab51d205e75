package dev.localdb.cli.doctor;

import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.model.PortRange;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OS hands out ports in its ephemeral range to outgoing connections, at any moment and without
 * asking; a port localdb allocates there can be taken from under a project that is not listening
 * yet. So the configured ranges should stay outside it.
 */
final class EphemeralOverlap {
    static final String NAME = "port ranges";

    private EphemeralOverlap() {
    }

    static HealthCheck check(Optional<PortRange> ephemeral, List<PortRange> configured) {
        String ranges = configured.stream().map(PortRange::toString).collect(Collectors.joining(", "));
        if (ephemeral.isEmpty()) {
            return HealthCheck.info(NAME, ranges + "; this system does not tell its ephemeral port range (no "
                    + "/proc/sys/net/ipv4/ip_local_port_range), so the overlap was not checked.");
        }
        PortRange os = ephemeral.get();
        List<PortRange> overlapping = configured.stream().filter(range -> overlaps(range, os)).toList();
        if (overlapping.isEmpty()) {
            return HealthCheck.ok(NAME, ranges + " stay outside the ephemeral range " + os + ".");
        }
        String names = overlapping.stream().map(PortRange::toString).collect(Collectors.joining(", "));
        return HealthCheck.problem(NAME, names + (overlapping.size() == 1 ? " overlaps" : " overlap") + " the ephemeral range " + os
                + ", from which the OS gives ports to outgoing connections at any moment; set LOCALDB_PORT_RANGES (or portRanges"
                + " in config.json) to ranges outside it" + suggestion(os) + ".");
    }

    static boolean overlaps(PortRange a, PortRange b) {
        return a.first().value() <= b.last().value() && b.first().value() <= a.last().value();
    }

    private static String suggestion(PortRange os) {
        return os.first().value() > 10_000 ? " (e.g. 3000-9999)" : "";
    }
}
