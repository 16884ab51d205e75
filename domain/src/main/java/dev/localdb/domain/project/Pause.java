package dev.localdb.domain.project;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/** Waits a little between two readiness checks; tests pass one that only moves a fake clock. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration);

    /**
     * Sleeps the calling thread. An interrupt cancels the wait (the flag stays set), so a start
     * that is interrupted stops its server and releases the port instead of waiting on.
     */
    static Pause sleeping() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting for the server to accept connections.");
            }
        };
    }
}
