package dev.localdb.domain.allocation;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The knobs of the allocation rules.
 *
 * @param ranges          scanned in this order when no better port is known
 * @param preferredPort   tried before the scan when the project names no preferred port
 * @param excluded        never handed out (e.g. ports browsers refuse to open)
 * @param cleanupInterval an allocation also removes stale entries when the last cleanup is older
 */
public record AllocationSettings(List<PortRange> ranges, PortNumber preferredPort, Set<PortNumber> excluded,
                                 Duration cleanupInterval) {
    public AllocationSettings {
        if (ranges == null || ranges.isEmpty()) {
            throw new InvalidInputException("At least one port range is needed, e.g. 3000-3999.");
        }
        if (preferredPort == null || excluded == null || cleanupInterval == null || cleanupInterval.isNegative()) {
            throw new InvalidInputException("Allocation settings need a preferred port, an excluded set and a non-negative cleanup interval.");
        }
        ranges = List.copyOf(ranges);
        excluded = Set.copyOf(excluded);
    }

    /** 3000-3999, then 4000-4999, then 5000-9999 (7,000 ports, below every OS's ephemeral range). */
    public static AllocationSettings defaults() {
        return new AllocationSettings(
                List.of(PortRange.of(3000, 3999), PortRange.of(4000, 4999), PortRange.of(5000, 9999)),
                PortNumber.of(3000), Set.of(), Duration.ofHours(1));
    }

    /**
     * Other ranges; the default preferred port moves to the first port of the first range, so a
     * user who configures 8000-8099 gets 8000 rather than 3000.
     */
    public AllocationSettings withRanges(List<PortRange> newRanges) {
        PortNumber first = newRanges.isEmpty() ? preferredPort : newRanges.get(0).first();
        return new AllocationSettings(newRanges, first, excluded, cleanupInterval);
    }
}
