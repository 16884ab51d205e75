package dev.localdb.testsuite.reliability;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Started;
import dev.localdb.testsuite.support.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code bin/localdb} command stopped inside its registry write, at one step of it, by the
 * storage adapter's test-only hook ({@code -Dlocaldb.test.pauseAt}). It holds the lock until it
 * is killed; closing it kills it.
 */
final class PausedWriter implements AutoCloseable {
    private final Started started;

    private PausedWriter(Started started) {
        this.started = started;
    }

    /** Runs {@code localdb args...} and returns once it announced the pause at {@code step}. */
    static PausedWriter start(Path home, String step, String... args) throws Exception {
        Started started = new LocalDbRunner(home).env("LOCALDB_JAVA_OPTS", "-Dlocaldb.test.pauseAt=" + step).start(args);
        PausedWriter writer = new PausedWriter(started);
        try {
            String marker = "localdb-test: paused at " + step;
            Poll.until("localdb " + String.join(" ", args) + " to pause at " + step, Duration.ofMinutes(2),
                    () -> writer.stderr().contains(marker) || !started.process().isAlive());
            if (!writer.stderr().contains(marker)) {
                throw new AssertionError("localdb ended before pausing at " + step + ": " + started.await());
            }
            return writer;
        } catch (Exception | Error e) {
            writer.close();
            throw e;
        }
    }

    long pid() {
        return started.process().pid();
    }

    /** kill -9, and wait until the process is gone. */
    void kill() throws InterruptedException {
        started.process().destroyForcibly();
        started.process().waitFor();
    }

    String stderr() {
        try {
            return Files.readString(started.err());
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        kill();
        started.await(); // removes its output files
    }
}
