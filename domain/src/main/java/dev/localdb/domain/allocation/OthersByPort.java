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
 * one table and only the rare further ones (a port one project holds and others remember) in
 * lists: a list per port cost a 5,000-entry registry more than the rules themselves. The table
 * is open addressing on the port number (no boxed key and no node per entry to allocate, hash
 * and chase), at most half full.
 */
final class OthersByPort {
    private final int[] ports; // 0: a free slot (no port is 0)
    private final Allocation[] firsts;
    private final int mask;
    private final int shift;
    private final Map<PortNumber, List<Allocation>> further = new HashMap<>();

    OthersByPort(Registry registry, ProjectName except) {
        int entries = 0;
        for (Allocation allocation : registry.list()) {
            entries += 1 + allocation.namedPorts().size();
        }
        int slots = Integer.highestOneBit(Math.max(4, entries)) * 4; // at least twice the entries: probes stay short
        ports = new int[slots];
        firsts = new Allocation[slots];
        mask = slots - 1;
        shift = Integer.numberOfLeadingZeros(mask);
        for (Allocation allocation : registry.list()) {
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
        int slot = slotOf(port.value());
        if (ports[slot] == 0) {
            ports[slot] = port.value();
            firsts[slot] = allocation;
        } else {
            further.computeIfAbsent(port, p -> new ArrayList<>(1)).add(allocation);
        }
    }

    /** The port's slot, or the free slot where it would go. */
    private int slotOf(int port) {
        int slot = (port * 0x9E3779B1) >>> shift; // Fibonacci hashing: neighbouring ports spread out
        while (ports[slot] != 0 && ports[slot] != port) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Every other entry on the port, holding or remembering it. */
    List<Allocation> on(PortNumber port) {
        Allocation one = firsts[slotOf(port.value())];
        if (one == null) {
            return List.of();
        }
        List<Allocation> more = further.get(port);
        if (more == null) {
            return List.of(one);
        }
        List<Allocation> all = new ArrayList<>(1 + more.size());
        all.add(one);
        all.addAll(more);
        return all;
    }

    /** Whether another entry on the port keeps others off it ({@code blocking}), or only remembers it. */
    boolean any(PortNumber port, StatusJudge judge, boolean blocking) {
        Allocation one = firsts[slotOf(port.value())];
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
