package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A project's name. The alphabet is chosen so that a name can never be a path: no separators,
 * no leading dot, no control characters, so {@code projects/<name>} stays inside the home.
 */
public record ProjectName(String value) implements Comparable<ProjectName> {
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public ProjectName {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("Project name is empty: use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit.");
        }
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("Invalid project name \"" + Printable.of(value) + "\": use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit (names are never paths).");
        }
    }

    public static ProjectName of(String value) {
        return new ProjectName(value);
    }

    @Override
    public int compareTo(ProjectName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out for start-up speed, with the generated meaning (package-info.java).
    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectName name && name.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
