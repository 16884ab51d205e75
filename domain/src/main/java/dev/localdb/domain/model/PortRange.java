package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** An inclusive range of ports, scanned from {@code first} to {@code last}. */
public record PortRange(PortNumber first, PortNumber last) {
    public PortRange {
        if (first == null || last == null) {
            throw new InvalidInputException("A port range needs both ends, e.g. 3000-3999.");
        }
        if (first.value() > last.value()) {
            throw new InvalidInputException("Invalid port range " + first + "-" + last + ": the first port must not be above the last.");
        }
    }

    public static PortRange of(int first, int last) {
        return new PortRange(PortNumber.of(first), PortNumber.of(last));
    }

    /** Parses {@code "3000-3999"} (or a single port {@code "3000"}). */
    public static PortRange parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-', 1);
        if (dash < 0) {
            PortNumber single = PortNumber.parse(trimmed);
            return new PortRange(single, single);
        }
        return new PortRange(PortNumber.parse(trimmed.substring(0, dash)), PortNumber.parse(trimmed.substring(dash + 1)));
    }

    public boolean contains(PortNumber port) {
        return port.value() >= first.value() && port.value() <= last.value();
    }

    public int size() {
        return last.value() - first.value() + 1;
    }

    public Stream<PortNumber> ports() {
        return IntStream.rangeClosed(first.value(), last.value()).mapToObj(PortNumber::new);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
