package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of every allocation, at most one per project, plus when cleanup last ran.
 * An allocation carries the project's main port and its named ports. No port is held twice, by
 * two projects or as two ports of one; two may remember the same one (see the allocation rules:
 * a remembered port is taken by another project only as a last resort).
 */
public record Registry(Map<ProjectName, Allocation> allocations, Optional<Instant> lastCleanup) {
    public static final Registry EMPTY = new Registry(Map.of(), Optional.empty());

    public Registry {
        if (allocations == null || lastCleanup == null) {
            throw new InvalidInputException("A registry needs its allocations and its last cleanup time (or none).");
        }
        allocations = allocations instanceof Checked checked ? Collections.unmodifiableSortedMap(checked) : checkedCopy(allocations);
    }

    /** Every entry under its own project, and no port held twice (named ports count like main ports). */
    private static SortedMap<ProjectName, Allocation> checkedCopy(Map<ProjectName, Allocation> allocations) {
        // Kept sorted by project: listings and the registry file come out in that order, and the
        // copies that with() and without() make from a sorted map take linear time, not n log n.
        SortedMap<ProjectName, Allocation> copy = new TreeMap<>(allocations);
        Map<PortNumber, ProjectName> holders = new HashMap<>();
        copy.forEach((name, allocation) -> {
            if (!name.equals(allocation.project())) {
                throw new InvalidInputException("Registry entry " + name + " describes project " + allocation.project() + ".");
            }
            if (allocation.isHeld()) {
                for (PortNumber port : allocation.ports()) {
                    ProjectName other = holders.putIfAbsent(port, name);
                    if (other != null) {
                        throw new InvalidInputException("Port " + port + " is held by both " + other + " and " + name + ".");
                    }
                }
            }
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    public static Registry of(Collection<Allocation> allocations, Optional<Instant> lastCleanup) {
        Map<ProjectName, Allocation> byProject = new TreeMap<>();
        for (Allocation allocation : allocations) {
            if (byProject.putIfAbsent(allocation.project(), allocation) != null) {
                throw new InvalidInputException("Project " + allocation.project() + " appears twice in the registry.");
            }
        }
        return new Registry(byProject, lastCleanup);
    }

    public Optional<Allocation> find(ProjectName project) {
        return Optional.ofNullable(allocations.get(project));
    }

    /** Every allocation, in project-name order. */
    public List<Allocation> list() {
        return List.copyOf(allocations.values());
    }

    public int size() {
        return allocations.size();
    }

    public Registry with(Allocation allocation) {
        Checked copy = new Checked(allocations);
        copy.put(allocation.project(), allocation);
        requireNoOtherHolder(copy, allocation);
        return new Registry(copy, lastCleanup);
    }

    /** Replaces several projects' entries in one step (one copy, one validation). */
    public Registry withAll(Collection<Allocation> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<ProjectName, Allocation> copy = new TreeMap<>(allocations);
        changed.forEach(allocation -> copy.put(allocation.project(), allocation));
        return new Registry(copy, lastCleanup);
    }

    public Registry without(ProjectName project) {
        Checked copy = new Checked(allocations); // what was valid stays valid with an entry less
        copy.remove(project);
        return new Registry(copy, lastCleanup);
    }

    public Registry withLastCleanup(Instant when) {
        return new Registry(allocations, Optional.of(when));
    }

    /** The check the constructor makes, for the one entry with() adds to a registry already checked. */
    private static void requireNoOtherHolder(Checked registry, Allocation added) {
        if (!added.isHeld()) {
            return;
        }
        List<PortNumber> ports = added.ports(); // never one port twice: Allocation checks its own
        for (Allocation other : registry.values()) {
            if (other != added && other.isHeld()) {
                for (PortNumber port : ports) {
                    if (other.hasPort(port)) {
                        // Named in project order, as the constructor's check names them.
                        boolean otherFirst = other.project().compareTo(added.project()) < 0;
                        throw new InvalidInputException("Port " + port + " is held by both " + (otherFirst ? other : added).project()
                                + " and " + (otherFirst ? added : other).project() + ".");
                    }
                }
            }
        }
    }

    /**
     * A copy this class made of a registry it had checked, changed in a way it checked too: the
     * constructor takes it as it is, without a second copy and a check of every entry (at 5,000
     * entries that was a large part of each change; docs/BENCHMARKS.md, issue #15). Private, so
     * nothing else can hand the constructor an unchecked or shared one.
     */
    private static final class Checked extends TreeMap<ProjectName, Allocation> {
        private static final long serialVersionUID = 1L;

        Checked(Map<ProjectName, Allocation> checked) {
            super(checked);
        }
    }

    // Written out for start-up speed, with the generated meaning (package-info.java).
    @Override
    public boolean equals(Object other) {
        return other instanceof Registry that && that.allocations.equals(allocations) && that.lastCleanup.equals(lastCleanup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allocations, lastCleanup);
    }
}
