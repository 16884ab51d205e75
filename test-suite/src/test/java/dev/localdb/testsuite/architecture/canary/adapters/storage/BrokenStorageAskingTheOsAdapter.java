package dev.localdb.testsuite.architecture.canary.adapters.storage;

import dev.localdb.testsuite.architecture.canary.adapters.os.CanaryOsAdapter;

/** Broken: the storage adapter uses the OS adapter instead of a domain port. */
public final class BrokenStorageAskingTheOsAdapter {
    public boolean ownerAlive(long pid) {
        return new CanaryOsAdapter().isAlive(pid);
    }
}
