package dev.localdb.proxy;

import dev.localdb.domain.error.LocalDbException;

/** The proxy could not listen on its port (taken by another program, or not allowed to this user). */
public final class ProxyStartException extends LocalDbException {
    public ProxyStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
