package dev.localdb.domain.project;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How patient {@code localdb start} is.
 *
 * @param readyTimeout how long the server may take to accept connections on its port
 * @param stopGrace    how long a server that failed to start gets to stop before it is killed
 * @param createIfMissing create a project that does not exist yet, with every default
 *                     ({@code start --create}); without it an unknown name is refused, because
 *                     it is most often a typo
 */
public record StartOptions(Duration readyTimeout, Duration stopGrace, boolean createIfMissing) {
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    public StartOptions {
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(stopGrace, "stopGrace");
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new InvalidInputException("Invalid ready timeout " + readyTimeout.toSeconds() + " s: give a positive number of seconds, e.g. 30.");
        }
        if (stopGrace.isNegative()) {
            throw new InvalidInputException("Invalid stop grace period: give zero or more seconds, e.g. 10.");
        }
    }

    public StartOptions(Duration readyTimeout, Duration stopGrace) {
        this(readyTimeout, stopGrace, false);
    }

    public StartOptions(Duration readyTimeout) {
        this(readyTimeout, DEFAULT_STOP_GRACE);
    }

    public static StartOptions defaults() {
        return new StartOptions(DEFAULT_READY_TIMEOUT, DEFAULT_STOP_GRACE);
    }

    /** The same, creating the project when it does not exist yet. */
    public StartOptions creatingIfMissing() {
        return new StartOptions(readyTimeout, stopGrace, true);
    }
}
