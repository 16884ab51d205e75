package dev.localdb.server;

import dev.localdb.domain.error.LocalDbException;

/** The server could not start: an address was taken, or its files could not be written. */
public final class ServerStartException extends LocalDbException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
