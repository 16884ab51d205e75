package dev.localdb.server;

/** The document store found something on disk it cannot use; the message says what and where. */
final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
