package dev.localdb.domain.fake;

import dev.localdb.domain.contract.RegistryStoreContract;
import dev.localdb.domain.port.RegistryStore;

/** The in-memory fake keeps the same promises as the real store, so tests built on it mean something. */
class InMemoryRegistryStoreContractTest extends RegistryStoreContract {

    @Override
    protected RegistryStore newStore() {
        return new InMemoryRegistryStore();
    }

    @Override
    protected Object storageFingerprint(RegistryStore store) {
        InMemoryRegistryStore memory = (InMemoryRegistryStore) store;
        return memory.writes() + " writes, " + memory.read();
    }
}
