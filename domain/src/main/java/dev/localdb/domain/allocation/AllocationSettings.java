package dev.localdb.domain.allocation;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The knobs of the allocation rules.
 *
 * @param ranges          scanned in this order when no better port is known
 * @param preferredPort   tried before the scan when the project names no preferred port
 * @param excluded        never handed out, not even to a project that names one as its own port
 *                        (e.g. the OS ephemeral range, or ports the user excluded)
 * @param cleanupInterval an allocation also removes stale entries when the last cleanup is older
 * @param avoided         never chosen by localdb itself, but a project that names one as its own
 *                        port gets it (e.g. the ports browsers refuse, see {@link BuiltInExclusions})
 */
public record AllocationSettings(List<PortRange> ranges, PortNumber preferredPort, PortSet excluded,
                                 Duration cleanupInterval, PortSet avoided) {
    public AllocationSettings {
        if (ranges == null || ranges.isEmpty()) {
            throw new InvalidInputException("At least one port range is needed, e.g. 3000-3999.");
        }
        if (preferredPort == null || excluded == null || avoided == null || cleanupInterval == null
                || cleanupInterval.isNegative()) {
            throw new InvalidInputException("Allocation settings need a preferred port, excluded ports and a non-negative cleanup interval.");
        }
        ranges = List.copyOf(ranges);
    }

    /** A few excluded ports and nothing avoided (the shape callers used before port sets existed). */
    public AllocationSettings(List<PortRange> ranges, PortNumber preferredPort, Set<PortNumber> excluded,
                              Duration cleanupInterval) {
        this(ranges, preferredPort, excluded == null ? null : PortSet.ofPorts(excluded), cleanupInterval, PortSet.empty());
    }

    /**
     * 3000-3999, then 4000-4999, then 5000-9999 (7,000 ports, below every OS's ephemeral range),
     * with nothing excluded: the rules on their own. The CLI adds the built-in exclusions.
     */
    public static AllocationSettings defaults() {
        return new AllocationSettings(
                List.of(PortRange.of(3000, 3999), PortRange.of(4000, 4999), PortRange.of(5000, 9999)),
                PortNumber.of(3000), PortSet.empty(), Duration.ofHours(1), PortSet.empty());
    }

    /**
     * Other ranges; the default preferred port moves to the first port of the first range, so a
     * user who configures 8000-8099 gets 8000 rather than 3000.
     */
    public AllocationSettings withRanges(List<PortRange> newRanges) {
        PortNumber first = newRanges.isEmpty() ? preferredPort : newRanges.get(0).first();
        return new AllocationSettings(newRanges, first, excluded, cleanupInterval, avoided);
    }

    public AllocationSettings withPreferredPort(PortNumber port) {
        return new AllocationSettings(ranges, port, excluded, cleanupInterval, avoided);
    }

    public AllocationSettings withExclusions(PortSet newExcluded, PortSet newAvoided) {
        return new AllocationSettings(ranges, preferredPort, newExcluded, cleanupInterval, newAvoided);
    }

    public AllocationSettings withCleanupInterval(Duration interval) {
        return new AllocationSettings(ranges, preferredPort, excluded, interval, avoided);
    }

    /** Whether localdb may choose the port; {@code namedByProject} waives the avoided list, never the excluded one. */
    public boolean allows(PortNumber port, boolean namedByProject) {
        return !excluded.contains(port) && (namedByProject || !avoided.contains(port));
    }
}
