package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Printable;
import java.nio.file.Path;

/** Paths quoted for a command a user may copy into a POSIX shell. */
final class Shell {
    private Shell() {
    }

    /** {@code 'text'}, with every {@code '} written as {@code '\''}; control characters escaped so they show. */
    static String quote(Path path) {
        return "'" + Printable.escaped(path.toString()).replace("'", "'\\''") + "'";
    }
}
