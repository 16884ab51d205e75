package dev.localdb.domain.port;

import dev.localdb.domain.model.Registry;

/**
 * Where the registry lives. Every change is one transaction: the store reads the current
 * snapshot, applies the function and publishes the result, excluding every other transaction
 * (other threads and other processes) from start to finish. The function runs under the lock,
 * so it must be quick and must not call back into the store.
 */
public interface RegistryStore {

    /**
     * Runs one read-modify-write transaction. The store writes only when the function returns a
     * registry different from the one it was given.
     *
     * @throws dev.localdb.domain.error.RegistryBusyException     when the lock is not had in time
     * @throws dev.localdb.domain.error.RegistryUnusableException when the registry cannot be used safely
     */
    <T> T update(RegistryTransaction<T> transaction);

    /** The current snapshot, for commands that only look. Never writes anything. */
    Registry read();
}
