package dev.localdb.adapters.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The names of the registry's files in the runtime directory. The lock has a file of its own so
 * that replacing the data file by rename never replaces the file that carries the lock.
 */
record RegistryFiles(Path dir) {
    static final String DATA = ".port-registry.json";
    static final String LOCK = ".port-registry.lock";
    static final String TEMP_PREFIX = DATA + ".tmp-";
    static final String CORRUPT_PREFIX = DATA + ".corrupt-";

    /**
     * Only a damaged registry needs it: built on first use, because a pattern formatter loads about
     * 45 java.time classes that every `port` and every test JVM's first reservation paid for.
     */
    private static final class Stamp {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    }

    RegistryFiles {
        dir = dir.toAbsolutePath().normalize();
    }

    Path data() {
        return dir.resolve(DATA);
    }

    Path lock() {
        return dir.resolve(LOCK);
    }

    /** A fresh name per write, so a crashed writer's leftover never collides with the next one. */
    Path newTempFile() {
        return dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    static boolean isTempFile(Path file) {
        return file.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    /** Where a damaged registry is kept, e.g. {@code .port-registry.json.corrupt-20250102T030405.678Z}. */
    Path corruptCopy(Instant when, int attempt) {
        String name = CORRUPT_PREFIX + Stamp.FORMAT.format(when) + (attempt == 0 ? "" : "-" + attempt);
        return dir.resolve(name);
    }
}
