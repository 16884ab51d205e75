package dev.localdb.domain.port;

import dev.localdb.domain.model.Registry;

/** The body of one registry transaction: from the current snapshot to the next one and a result. */
@FunctionalInterface
public interface RegistryTransaction<T> {
    Outcome<T> apply(Registry current);

    /** The snapshot to publish (the same one as given means "no change") and the caller's result. */
    record Outcome<T>(Registry registry, T result) {
    }
}
