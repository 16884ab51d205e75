package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The other projects' entries by port, for the questions the rules ask of every port they pass.
 * Built once per allocation over the whole registry, so it keeps the first entry of each port in
 * one map and only the rare further ones (a port one project holds and others remember) in
 * lists: a list per port cost a 5,000-entry registry more than the rules themselves.
 */
final class OthersByPort {
    private final Map<PortNumber, Allocation> first;
    private final Map<PortNumber, List<Allocation>> further = new HashMap<>();

    OthersByPort(Registry registry, ProjectName except) {
        first = new HashMap<>((int) (registry.size() / 0.75f) + 1);
        for (Allocation allocation : registry.allocations().values()) {
            if (allocation.project().equals(except)) {
                continue;
            }
            add(allocation.port(), allocation);
            if (!allocation.namedPorts().isEmpty()) {
                allocation.namedPorts().values().forEach(port -> add(port, allocation));
            }
        }
    }

    private void add(PortNumber port, Allocation allocation) {
        if (first.putIfAbsent(port, allocation) != null) {
            further.computeIfAbsent(port, p -> new ArrayList<>(1)).add(allocation);
        }
    }

    /** Whether another entry on the port keeps others off it ({@code blocking}), or only remembers it. */
    boolean any(PortNumber port, StatusJudge judge, boolean blocking) {
        Allocation one = first.get(port);
        if (one == null) {
            return false;
        }
        if (judge.statusOf(one).blocksOthers() == blocking) {
            return true;
        }
        for (Allocation other : further.getOrDefault(port, List.of())) {
            if (judge.statusOf(other).blocksOthers() == blocking) {
                return true;
            }
        }
        return false;
    }
}
