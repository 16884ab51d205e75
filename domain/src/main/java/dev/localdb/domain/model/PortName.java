package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of one of a project's extra ports, e.g. {@code api} for {@code --port-name api}. The
 * server finds the port in {@code PORT_API}. The alphabet keeps the variable name a plain shell
 * name and makes the mapping one-to-one: '-' becomes '_', and '_' itself is not allowed, so two
 * names never share a variable.
 */
public record PortName(String value) implements Comparable<PortName> {
    public static final int MAX_LENGTH = 32;
    /** The main port is {@code PORT}; a name "port" would read as the main port in every listing. */
    public static final String RESERVED = "port";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public PortName {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("Port name is empty: use 1-32 characters of a-z, 0-9 or '-', starting with a letter or digit, e.g. --port-name api.");
        }
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("Invalid port name \"" + Printable.of(value) + "\": use 1-32 characters of a-z, 0-9 or '-', starting with a letter or digit, e.g. --port-name api.");
        }
        if (value.equals(RESERVED)) {
            throw new InvalidInputException("Port name \"port\" is reserved (the main port is $PORT): choose another name, e.g. --port-name api.");
        }
    }

    public static PortName of(String value) {
        return new PortName(value);
    }

    /** The environment variable the server reads it from: {@code api} → {@code PORT_API}, {@code dev-tools} → {@code PORT_DEV_TOOLS}. */
    public String environmentVariable() {
        return "PORT_" + value.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public int compareTo(PortName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out for start-up speed, with the generated meaning (package-info.java).
    @Override
    public boolean equals(Object other) {
        return other instanceof PortName name && name.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
