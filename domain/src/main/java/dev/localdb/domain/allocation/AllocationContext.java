package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortProbe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the strategies see while one allocation runs under the registry lock: the request, the
 * snapshot, the settings, and memoised answers from the host (each port is probed at most once).
 *
 * <p>A project with named ports runs the same strategies once per port. Each run sees the port it
 * is choosing as if it were the only one: {@link #own()} is the project's entry for that port, and
 * the request of a named port has no preferred port of its own. The ports the project's other
 * ports have or get in this transaction are {@linkplain #claimed() claimed}: never proposed twice.
 */
public final class AllocationContext {
    private final AllocationRequest request;
    private final Registry registry;
    private final AllocationSettings settings;
    private final PortProbe probe;
    private final StatusJudge judge;
    private final OthersByPort othersByPort;
    private final Map<PortNumber, Boolean> probed;
    private final Optional<PortName> portName;
    private final Set<PortNumber> claimed;

    AllocationContext(AllocationRequest request, Registry registry, AllocationSettings settings,
                      PortProbe probe, StatusJudge judge) {
        this.request = request;
        this.registry = registry;
        this.settings = settings;
        this.probe = probe;
        this.judge = judge;
        this.othersByPort = new OthersByPort(registry, request.project());
        this.probed = new HashMap<>();
        this.portName = Optional.empty();
        this.claimed = Set.of();
    }

    /** The other projects' entries on the port, holding or remembering it. */
    List<Allocation> othersOn(PortNumber port) {
        return othersByPort.on(port);
    }

    /** The same transaction choosing another of the project's ports: shares the snapshot and the host's answers. */
    private AllocationContext(AllocationContext base, Optional<PortName> portName, Set<PortNumber> claimed) {
        AllocationRequest main = base.request;
        this.request = portName.isEmpty() ? main
                : new AllocationRequest(main.project(), Optional.empty(), main.owner(), List.of());
        this.registry = base.registry;
        this.settings = base.settings;
        this.probe = base.probe;
        this.judge = base.judge;
        this.othersByPort = base.othersByPort;
        this.probed = base.probed;
        this.portName = portName;
        this.claimed = Set.copyOf(claimed);
    }

    /** The context for choosing one port of the project: the main port (empty) or a named one. */
    AllocationContext forPort(Optional<PortName> name, Set<PortNumber> claimedByOtherPorts) {
        return new AllocationContext(this, name, claimedByOtherPorts);
    }

    public AllocationRequest request() {
        return request;
    }

    public ProjectName project() {
        return request.project();
    }

    /** Which port is being chosen: empty for the main port. */
    public Optional<PortName> portName() {
        return portName;
    }

    public AllocationSettings settings() {
        return settings;
    }

    /**
     * The project's own entry for the port being chosen, whatever its state: for a named port,
     * the port the project has (or remembers) under that name, with the entry's state and owner.
     */
    public Optional<Allocation> own() {
        Optional<Allocation> entry = ownEntry();
        if (portName.isEmpty()) {
            return entry;
        }
        return entry.flatMap(e -> Optional.ofNullable(e.namedPorts().get(portName.get()))
                .map(port -> new Allocation(e.project(), port, e.state(), e.owner(), e.allocatedAt())));
    }

    /** The project's whole entry: its main port and every named port. */
    Optional<Allocation> ownEntry() {
        return registry.find(request.project());
    }

    /** Ports the project's other ports have or get in this transaction; never proposed for this one. */
    public Set<PortNumber> claimed() {
        return claimed;
    }

    public StatusJudge judge() {
        return judge;
    }

    /** Another project holds this port now (a live or reserved allocation). */
    public boolean heldByOther(PortNumber port) {
        return othersByPort.any(port, judge, true);
    }

    /** Another project remembers this port (released, or its owner died) without holding it. */
    public boolean rememberedByOther(PortNumber port) {
        return othersByPort.any(port, judge, false);
    }

    /**
     * Excluded ports are never taken; avoided ones only when this request names the port as the
     * project's own choice (an explicit per-project choice beats the built-in list).
     */
    public boolean excluded(PortNumber port) {
        Optional<PortNumber> preferred = request.preferred();
        return !settings.allows(port, preferred.isPresent() && preferred.get().equals(port));
    }

    /** Whether the host lets a server listen on the port; asks the probe once per port. */
    public boolean freeOnHost(PortNumber port) {
        return probed.computeIfAbsent(port, probe::isFree);
    }

    /**
     * The checks every rule shares: not excluded, not another of this project's ports, not another
     * project's, and free on the host.
     */
    public boolean canTake(PortNumber port, boolean evenIfRememberedByOther) {
        return !excluded(port)
                && !claimed.contains(port)
                && !heldByOther(port)
                && (evenIfRememberedByOther || !rememberedByOther(port))
                && freeOnHost(port);
    }
}
