package dev.localdb.domain.fake;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ServerControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Servers over a {@link FakeProcessInspector}: a port accepts connections while a test listens on
 * it, or while the live process serving it runs (so a killed server stops answering by itself).
 */
public final class FakeServerControl implements ServerControl {
    private final FakeProcessInspector processes;
    private final Set<Integer> listening = ConcurrentHashMap.newKeySet();
    private final Map<ProcessIdentity, Integer> served = new ConcurrentHashMap<>();
    private final Set<ProcessIdentity> ignoringTerm = ConcurrentHashMap.newKeySet();
    private final List<ProcessIdentity> signalled = new CopyOnWriteArrayList<>();

    public FakeServerControl(FakeProcessInspector processes) {
        this.processes = processes;
    }

    @Override
    public boolean acceptsConnections(PortNumber port) {
        return listening.contains(port.value()) || served.entrySet().stream()
                .anyMatch(e -> e.getValue() == port.value() && processes.isAlive(e.getKey()));
    }

    @Override
    public Termination terminate(ProcessIdentity identity, Duration grace) {
        if (!processes.isAlive(identity)) {
            return Termination.NOT_RUNNING;
        }
        signalled.add(identity);
        processes.kill(identity);
        served.remove(identity);
        return ignoringTerm.contains(identity) ? Termination.KILLED : Termination.STOPPED;
    }

    @Override
    public int stopLeftovers(ProcessIdentity deadServer, Duration grace) {
        if (processes.isAlive(deadServer)) {
            return 0;
        }
        List<ProcessIdentity> stopped = processes.membersOf(deadServer);
        stopped.forEach(processes::kill);
        return stopped.size();
    }

    @Override
    public int leftovers(ProcessIdentity deadServer) {
        return processes.isAlive(deadServer) ? 0 : processes.membersOf(deadServer).size();
    }

    /** The server started this process, which stays behind (in its session) when the server dies. */
    public FakeServerControl leaveBehind(ProcessIdentity server, ProcessIdentity child) {
        processes.joinSession(server, child);
        return this;
    }

    /** Something (not a tracked server) listens on the port until {@link #close}. */
    public FakeServerControl listen(int port) {
        listening.add(port);
        return this;
    }

    public FakeServerControl close(int port) {
        listening.remove(port);
        return this;
    }

    /** The process accepts connections on the port for as long as it lives. */
    public FakeServerControl serve(ProcessIdentity process, PortNumber port) {
        served.put(process, port.value());
        return this;
    }

    /** The process ignores SIGTERM: terminating it reports KILLED. */
    public FakeServerControl ignoreTerm(ProcessIdentity process) {
        ignoringTerm.add(process);
        return this;
    }

    /** Every process terminate() actually signalled, in order (mismatched identities never appear). */
    public List<ProcessIdentity> signalled() {
        return List.copyOf(signalled);
    }
}
