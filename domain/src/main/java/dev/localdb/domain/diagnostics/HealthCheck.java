package dev.localdb.domain.diagnostics;

import dev.localdb.domain.error.InvalidInputException;
import java.util.Locale;

/**
 * One line of {@code localdb doctor}.
 *
 * @param name    what was checked, a few words (e.g. "home", "registry")
 * @param status  how it went
 * @param message what was found; for a problem, also what to do about it
 */
public record HealthCheck(String name, Status status, String message) {
    public HealthCheck {
        if (name == null || name.isBlank() || status == null || message == null || message.isBlank()) {
            throw new InvalidInputException("A health check needs a name, a status and a message.");
        }
    }

    public static HealthCheck ok(String name, String message) {
        return new HealthCheck(name, Status.OK, message);
    }

    public static HealthCheck info(String name, String message) {
        return new HealthCheck(name, Status.INFO, message);
    }

    public static HealthCheck problem(String name, String message) {
        return new HealthCheck(name, Status.PROBLEM, message);
    }

    public boolean isProblem() {
        return status == Status.PROBLEM;
    }

    public enum Status {
        /** Checked and fine. */
        OK,
        /** Worth knowing, nothing to do (e.g. no IPv6 on this host); never fails the run. */
        INFO,
        /** Something to fix; the message says what to do. Fails the run (exit code 1). */
        PROBLEM;

        /** The lower-case word shown to users and written by {@code --json}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
