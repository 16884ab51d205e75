package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortProbe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the strategies see while one allocation runs under the registry lock: the request, the
 * snapshot, the settings, and memoised answers from the host (each port is probed at most once).
 */
public final class AllocationContext {
    private final AllocationRequest request;
    private final Registry registry;
    private final AllocationSettings settings;
    private final PortProbe probe;
    private final StatusJudge judge;
    private final Map<PortNumber, List<Allocation>> othersByPort = new HashMap<>();
    private final Map<PortNumber, Boolean> probed = new HashMap<>();

    AllocationContext(AllocationRequest request, Registry registry, AllocationSettings settings,
                      PortProbe probe, StatusJudge judge) {
        this.request = request;
        this.registry = registry;
        this.settings = settings;
        this.probe = probe;
        this.judge = judge;
        for (Allocation allocation : registry.allocations().values()) {
            if (!allocation.project().equals(request.project())) {
                othersByPort.computeIfAbsent(allocation.port(), p -> new ArrayList<>(1)).add(allocation);
            }
        }
    }

    public AllocationRequest request() {
        return request;
    }

    public ProjectName project() {
        return request.project();
    }

    public AllocationSettings settings() {
        return settings;
    }

    /** The project's own entry, whatever its state. */
    public Optional<Allocation> own() {
        return registry.find(request.project());
    }

    public StatusJudge judge() {
        return judge;
    }

    /** Another project holds this port now (a live or reserved allocation). */
    public boolean heldByOther(PortNumber port) {
        return othersByPort.getOrDefault(port, List.of()).stream()
                .anyMatch(a -> judge.statusOf(a).blocksOthers());
    }

    /** Another project remembers this port (released, or its owner died) without holding it. */
    public boolean rememberedByOther(PortNumber port) {
        return othersByPort.getOrDefault(port, List.of()).stream()
                .anyMatch(a -> !judge.statusOf(a).blocksOthers());
    }

    public boolean excluded(PortNumber port) {
        return settings.excluded().contains(port);
    }

    /** Whether the host lets a server listen on the port; asks the probe once per port. */
    public boolean freeOnHost(PortNumber port) {
        return probed.computeIfAbsent(port, probe::isFree);
    }

    /** The checks every rule shares: not excluded, not another project's, and free on the host. */
    public boolean canTake(PortNumber port, boolean evenIfRememberedByOther) {
        return !excluded(port)
                && !heldByOther(port)
                && (evenIfRememberedByOther || !rememberedByOther(port))
                && freeOnHost(port);
    }
}
