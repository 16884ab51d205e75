package dev.localdb.domain.fake;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host whose listening sockets are exactly the ones a test declares; or one that cannot tell at all. */
public final class FakePortListeners implements PortListeners {
    private final Map<Integer, List<PortListener>> sockets = new ConcurrentHashMap<>();
    private volatile boolean known = true;

    @Override
    public ListenerScan scan(PortNumber port) {
        return known ? ListenerScan.of(sockets.getOrDefault(port.value(), List.of())) : ListenerScan.unknown();
    }

    /** A socket starts listening on {@code port}. */
    public FakePortListeners listen(int port, PortListener socket) {
        sockets.computeIfAbsent(port, p -> new CopyOnWriteArrayList<>()).add(socket);
        return this;
    }

    /** Every socket on {@code port} closes. */
    public FakePortListeners close(int port) {
        sockets.remove(port);
        return this;
    }

    /** From now on the host cannot tell who listens (as on a system without /proc). */
    public FakePortListeners cannotTell() {
        known = false;
        return this;
    }
}
