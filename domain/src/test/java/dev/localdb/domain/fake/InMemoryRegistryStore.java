package dev.localdb.domain.fake;

import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry in memory; transactions are serialised by the object's monitor. */
public final class InMemoryRegistryStore implements RegistryStore {
    private Registry registry;
    private final AtomicInteger writes = new AtomicInteger();

    public InMemoryRegistryStore() {
        this(Registry.EMPTY);
    }

    public InMemoryRegistryStore(Registry initial) {
        this.registry = initial;
    }

    @Override
    public synchronized <T> T update(RegistryTransaction<T> transaction) {
        RegistryTransaction.Outcome<T> outcome = transaction.apply(registry);
        if (!outcome.registry().equals(registry)) {
            registry = outcome.registry();
            writes.incrementAndGet();
        }
        return outcome.result();
    }

    @Override
    public synchronized Registry read() {
        return registry;
    }

    /** How many transactions changed the registry (read-only paths must leave this alone). */
    public int writes() {
        return writes.get();
    }
}
