package dev.localdb.server;

import dev.localdb.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** A collection's name; also a directory name, so the alphabet leaves no way to form a path. */
record CollectionName(String value) implements Comparable<CollectionName> {
    static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}");
    /** {@code /api/collections} lists the collections, so no collection may take that name. */
    static final String RESERVED = "collections";

    CollectionName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("Invalid collection name \"" + Text.shorten(value)
                    + "\": use 1-64 characters of a-z, A-Z, 0-9, '_' or '-', starting with a letter or digit.");
        }
        if (value.equals(RESERVED)) {
            throw new InvalidInputException("\"collections\" cannot be a collection name: GET /api/collections lists the collections.");
        }
    }

    static boolean isValid(String value) {
        return VALID.matcher(value).matches() && !value.equals(RESERVED);
    }

    @Override
    public int compareTo(CollectionName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
