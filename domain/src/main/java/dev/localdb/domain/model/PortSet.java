package dev.localdb.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of ports kept as sorted, disjoint, non-adjacent ranges, so that excluding a whole OS
 * ephemeral range (tens of thousands of ports) costs a few objects and a binary search per lookup.
 * Two sets with the same ports are equal however they were built.
 */
public record PortSet(List<PortRange> ranges) implements Iterable<PortNumber> {
    private static final PortSet EMPTY = new PortSet(List.of());

    public PortSet {
        ranges = normalise(ranges);
    }

    public static PortSet empty() {
        return EMPTY;
    }

    public static PortSet of(Collection<PortRange> ranges) {
        return new PortSet(List.copyOf(ranges));
    }

    public static PortSet of(PortRange... ranges) {
        return new PortSet(List.of(ranges));
    }

    public static PortSet ofPorts(Collection<PortNumber> ports) {
        return new PortSet(ports.stream().map(p -> new PortRange(p, p)).toList());
    }

    public boolean contains(PortNumber port) {
        return contains(port.value());
    }

    public boolean contains(int port) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            PortRange range = ranges.get(middle);
            if (port < range.first().value()) {
                high = middle - 1;
            } else if (port > range.last().value()) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** How many ports the set holds. */
    public int size() {
        return ranges.stream().mapToInt(PortRange::size).sum();
    }

    public PortSet union(PortSet other) {
        List<PortRange> both = new ArrayList<>(ranges);
        both.addAll(other.ranges);
        return new PortSet(both);
    }

    /** The same set without one port (a range around it splits in two). */
    public PortSet without(PortNumber port) {
        List<PortRange> kept = new ArrayList<>(ranges.size() + 1);
        for (PortRange range : ranges) {
            if (!range.contains(port)) {
                kept.add(range);
                continue;
            }
            if (range.first().value() < port.value()) {
                kept.add(PortRange.of(range.first().value(), port.value() - 1));
            }
            if (port.value() < range.last().value()) {
                kept.add(PortRange.of(port.value() + 1, range.last().value()));
            }
        }
        return new PortSet(kept);
    }

    /** Every port in ascending order. */
    @Override
    public Iterator<PortNumber> iterator() {
        return ranges.stream().flatMap(PortRange::ports).iterator();
    }

    /** E.g. {@code 3306, 5000, 6665-6669}; a single port is written without a dash. */
    @Override
    public String toString() {
        return ranges.stream()
                .map(r -> r.size() == 1 ? r.first().toString() : r.toString())
                .collect(Collectors.joining(", "));
    }

    private static List<PortRange> normalise(List<PortRange> input) {
        List<PortRange> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingInt(r -> r.first().value()));
        List<PortRange> merged = new ArrayList<>(sorted.size());
        for (PortRange next : sorted) {
            int last = merged.size() - 1;
            // Overlapping or touching ranges (3000-3005 and 3006-3010) become one.
            if (last >= 0 && next.first().value() <= merged.get(last).last().value() + 1) {
                PortRange previous = merged.get(last);
                int end = Math.max(previous.last().value(), next.last().value());
                merged.set(last, new PortRange(previous.first(), PortNumber.of(end)));
            } else {
                merged.add(next);
            }
        }
        return List.copyOf(merged);
    }
}
