package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;

/** A TCP port a server can listen on: 1-65535 (0 means "any" to the OS and is never allocated). */
public record PortNumber(int value) implements Comparable<PortNumber> {
    public static final int MIN = 1;
    public static final int MAX = 65_535;

    public PortNumber {
        if (value < MIN || value > MAX) {
            throw new InvalidInputException("Invalid port " + value + ": a port is a number from 1 to 65535.");
        }
    }

    public static PortNumber of(int value) {
        return new PortNumber(value);
    }

    /** Parses user input such as {@code "3000"}, with an error that names the bad text. */
    public static PortNumber parse(String text) {
        try {
            return new PortNumber(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Invalid port \"" + Printable.of(text) + "\": a port is a number from 1 to 65535.");
        }
    }

    @Override
    public int compareTo(PortNumber other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }

    // Written out for start-up speed, with the generated meaning (package-info.java).
    @Override
    public boolean equals(Object other) {
        return other instanceof PortNumber port && port.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }
}
