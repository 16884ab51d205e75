package dev.localdb.domain.diagnostics;

import dev.localdb.domain.allocation.StatusJudge;
import dev.localdb.domain.diagnostics.PortExplanation.Holder;
import dev.localdb.domain.diagnostics.PortExplanation.Listener;
import dev.localdb.domain.diagnostics.PortExplanation.Relation;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortListeners;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.RegistryStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers "who holds this port?" from the registry and the host. Only looks; never writes. */
public final class PortExplainer {
    private final RegistryStore store;
    private final ProcessInspector inspector;
    private final PortListeners listeners;
    private final PortProbe probe;

    public PortExplainer(RegistryStore store, ProcessInspector inspector, PortListeners listeners, PortProbe probe) {
        this.store = store;
        this.inspector = inspector;
        this.listeners = listeners;
        this.probe = probe;
    }

    public PortExplanation explain(PortNumber port) {
        Registry registry = store.read();
        StatusJudge judge = new StatusJudge(inspector);
        Optional<Holder> holder = registry.list().stream()
                .filter(a -> a.isHeld() && a.ports().contains(port))
                .findFirst()
                .map(a -> new Holder(a, judge.statusOf(a), nameOf(a, port)));
        List<ProjectName> remembering = registry.list().stream()
                .filter(a -> !a.isHeld() && a.ports().contains(port))
                .map(Allocation::project)
                .toList();
        // Scanned before probing, so the probe's own short-lived socket is never among the listeners.
        ListenerScan scan = listeners.scan(port);
        List<Listener> found = scan.listeners().stream().map(socket -> new Listener(socket, relation(holder, socket))).toList();
        return new PortExplanation(port, holder, remembering, scan.known(), found, probe.isFree(port));
    }

    /** Which of the entry's ports it is: empty for the main port, else its name (e.g. api). */
    private static Optional<PortName> nameOf(Allocation allocation, PortNumber port) {
        return allocation.namedPorts().entrySet().stream()
                .filter(named -> named.getValue().equals(port))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The holder's server is its owner process; a dev server started under {@code sh -c} runs in the
     * owner's session, which Linux never gives to another process while the owner lives.
     */
    private static Relation relation(Optional<Holder> holder, PortListener socket) {
        if (holder.isEmpty() || holder.get().status() == AllocationStatus.STALE) {
            return Relation.OTHER_PROGRAM;
        }
        if (holder.get().status() != AllocationStatus.ACTIVE || socket.ownerUnknown()) {
            return Relation.CANNOT_TELL;
        }
        long owner = holder.get().allocation().owner().orElseThrow().pid();
        return socket.processes().stream().anyMatch(p -> p.belongsTo(owner)) ? Relation.PROJECT_SERVER : Relation.OTHER_PROGRAM;
    }
}
