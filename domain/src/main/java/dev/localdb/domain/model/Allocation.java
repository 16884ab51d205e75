package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One project's ports as recorded in the registry: its main port and its named extra ports. They
 * are one entry because they live and die together: allocated in one transaction, owned by the
 * same server, released together and remembered together.
 *
 * @param owner      the process that serves on the ports; empty for a plain reservation
 * @param namedPorts the extra ports by name (e.g. api → 3001), sorted by name; never the main port,
 *                   never one port twice
 */
public record Allocation(ProjectName project, PortNumber port, AllocationState state,
                         Optional<ProcessIdentity> owner, Instant allocatedAt, Map<PortName, PortNumber> namedPorts) {
    public Allocation {
        if (project == null || port == null || state == null || owner == null || allocatedAt == null || namedPorts == null) {
            throw new InvalidInputException("An allocation needs a project, a port, a state, an owner (or none), a time and its named ports (or none).");
        }
        if (state == AllocationState.RELEASED && owner.isPresent()) {
            throw new InvalidInputException("Released allocation of " + project + " cannot have an owner process.");
        }
        // The common case needs no copy and no check: a registry builds thousands of these.
        namedPorts = namedPorts.isEmpty() ? Map.of() : checked(project, port, namedPorts);
    }

    /** Sorted, and no port twice: not the main port, not one port under two names. */
    private static Map<PortName, PortNumber> checked(ProjectName project, PortNumber port, Map<PortName, PortNumber> namedPorts) {
        Set<PortNumber> seen = new HashSet<>();
        seen.add(port);
        namedPorts.forEach((name, named) -> {
            if (name == null || named == null) {
                throw new InvalidInputException("A named port of " + project + " lacks its name or its port.");
            }
            if (!seen.add(named)) {
                throw new InvalidInputException("Port " + named + " appears twice among the ports of " + project + ".");
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(namedPorts));
    }

    /** An allocation with its main port only. */
    public Allocation(ProjectName project, PortNumber port, AllocationState state, Optional<ProcessIdentity> owner,
                      Instant allocatedAt) {
        this(project, port, state, owner, allocatedAt, Map.of());
    }

    public static Allocation held(ProjectName project, PortNumber port, Optional<ProcessIdentity> owner, Instant at) {
        return new Allocation(project, port, AllocationState.HELD, owner, at);
    }

    public boolean isHeld() {
        return state == AllocationState.HELD;
    }

    /** The same ports, given back but remembered. */
    public Allocation released() {
        return new Allocation(project, port, AllocationState.RELEASED, Optional.empty(), allocatedAt, namedPorts);
    }

    public Allocation withOwner(Optional<ProcessIdentity> newOwner) {
        return new Allocation(project, port, state, newOwner, allocatedAt, namedPorts);
    }

    public Allocation withNamedPorts(Map<PortName, PortNumber> newNamedPorts) {
        return new Allocation(project, port, state, owner, allocatedAt, newNamedPorts);
    }

    /** Whether the port is one of the entry's: its main port or a named one (no list made). */
    public boolean hasPort(PortNumber candidate) {
        return port.equals(candidate) || (!namedPorts.isEmpty() && namedPorts.containsValue(candidate));
    }

    /** Every port of the entry: the main port first, then the named ones by name (unmodifiable). */
    public List<PortNumber> ports() {
        if (namedPorts.isEmpty()) {
            return List.of(port); // the common case; every registry pass asks each entry
        }
        List<PortNumber> all = new ArrayList<>(1 + namedPorts.size());
        all.add(port);
        all.addAll(namedPorts.values());
        return Collections.unmodifiableList(all);
    }

    // Written out for start-up speed, with the generated meaning (package-info.java).
    @Override
    public boolean equals(Object other) {
        return other instanceof Allocation that && that.project.equals(project) && that.port.equals(port)
                && that.state == state && that.owner.equals(owner) && that.allocatedAt.equals(allocatedAt)
                && that.namedPorts.equals(namedPorts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(project, port, state, owner, allocatedAt, namedPorts);
    }
}
