package dev.localdb.domain.fake;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortProbe;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A host where exactly the ports marked busy are taken by other programs. */
public final class FakePortProbe implements PortProbe {
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger probes = new AtomicInteger();

    @Override
    public boolean isFree(PortNumber port) {
        probes.incrementAndGet();
        return !busy.contains(port.value());
    }

    /** Another program starts listening on these ports. */
    public FakePortProbe occupy(int... ports) {
        for (int port : ports) {
            busy.add(port);
        }
        return this;
    }

    public FakePortProbe occupyRange(int first, int last) {
        for (int port = first; port <= last; port++) {
            busy.add(port);
        }
        return this;
    }

    public FakePortProbe free(int port) {
        busy.remove(port);
        return this;
    }

    public int probes() {
        return probes.get();
    }
}
