package dev.localdb.domain.error;

/**
 * The user's {@code config.json} cannot be used safely: a symbolic link, not a regular file,
 * another user's, writable by others, or unreadable. (Broken JSON in it is bad input, an
 * {@link InvalidInputException}.)
 */
public final class ConfigUnusableException extends StateUnusableException {
    public ConfigUnusableException(String message) {
        super(message);
    }

    public ConfigUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
