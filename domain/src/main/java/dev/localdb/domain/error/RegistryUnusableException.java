package dev.localdb.domain.error;

/**
 * The registry cannot be used safely: unreadable or unwritable storage, unsafe permissions,
 * a symlink where a file belongs, or a newer schema this version must not overwrite.
 */
public final class RegistryUnusableException extends StateUnusableException {
    public RegistryUnusableException(String message) {
        super(message);
    }

    public RegistryUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
