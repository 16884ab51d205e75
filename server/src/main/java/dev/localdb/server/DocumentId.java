package dev.localdb.server;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.files.PrivateFiles;

/** A document's id; also a file name ({@code <id>.json}), so it can never form a path. */
record DocumentId(String value) {
    DocumentId {
        if (value == null || !CollectionName.VALID.matcher(value).matches()) {
            throw new InvalidInputException("Invalid document id \"" + Text.shorten(value)
                    + "\": use 1-64 characters of a-z, A-Z, 0-9, '_' or '-', starting with a letter or digit.");
        }
    }

    /** 64 random bits as 16 hex digits: collisions are practically impossible and still checked. */
    static DocumentId random() {
        return new DocumentId(PrivateFiles.randomHex(8));
    }

    @Override
    public String toString() {
        return value;
    }
}
