package dev.localdb.adapters.storage;

import dev.localdb.domain.error.ConfigUnusableException;
import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.error.StateUnusableException;

/**
 * Which of localdb's files a refusal is about, so that the exception's type names it truly:
 * {@link FileSafety} and {@link StorageErrors} guard the registry, the user's config file and
 * the servers' {@code server.json} with the same rules and the same wording.
 */
enum GuardedFile {
    /** The runtime directory, the registry's lock and the registry itself. */
    REGISTRY {
        @Override
        StateUnusableException refusal(String message, Throwable cause) {
            return new RegistryUnusableException(message, cause);
        }
    },
    /** {@code config.json} in the home. */
    CONFIG {
        @Override
        StateUnusableException refusal(String message, Throwable cause) {
            return new ConfigUnusableException(message, cause);
        }
    },
    /** A server's {@code server.json}: state under the home, neither registry nor config. */
    SERVER_FILE {
        @Override
        StateUnusableException refusal(String message, Throwable cause) {
            return new StateUnusableException(message, cause);
        }
    };

    /** @param cause the I/O failure behind it, or null when the file's facts alone refuse it */
    abstract StateUnusableException refusal(String message, Throwable cause);

    StateUnusableException refusal(String message) {
        return refusal(message, null);
    }
}
