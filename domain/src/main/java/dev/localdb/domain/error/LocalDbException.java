package dev.localdb.domain.error;

/**
 * Base of every failure the domain and its adapters report to a frontend. Each subclass is an
 * outcome a user can act on; the message is one line saying what is wrong and what to do.
 */
public abstract class LocalDbException extends RuntimeException {
    protected LocalDbException(String message) {
        super(message);
    }

    protected LocalDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
