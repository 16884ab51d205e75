package dev.localdb.testsuite.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What each reliability test measured (processes, rounds, kills, durations), printed and appended
 * to {@code target/reliability-figures.txt} so that docs/RELIABILITY.md can quote the last run.
 */
final class Figures {
    private static final Path FILE = Path.of(System.getProperty("localdb.reliability.figures", "target/reliability-figures.txt"));

    private Figures() {
    }

    static void record(String test, String figures) {
        String line = Instant.now() + " " + test + ": " + figures;
        System.out.println("[reliability] " + line);
        try {
            Path parent = FILE.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record figures in " + FILE, e);
        }
    }

    /** Seconds with one decimal, from a System.nanoTime() start. */
    static String secondsSince(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
