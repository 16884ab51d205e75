package dev.localdb.domain.error;

/**
 * A file or folder localdb keeps under its home (a project's files, a log, the proxy's state,
 * a server's {@code server.json}) cannot be used safely: unreadable, unwritable, unsafe
 * permissions, a symlink where a file belongs. The registry's own case is the subclass
 * {@link RegistryUnusableException}, the config file's {@link ConfigUnusableException}; all exit 4.
 */
public class StateUnusableException extends LocalDbException {
    public StateUnusableException(String message) {
        super(message);
    }

    public StateUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
