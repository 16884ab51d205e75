package dev.localdb.server;

/** A start or stop asked from the dashboard did not happen; the message says why and what to do. */
public final class ControlFailedException extends RuntimeException {
    public ControlFailedException(String message) {
        super(message);
    }
}
