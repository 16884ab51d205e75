package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Collection;
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
    public static final Registry EMPTY = new Registry(ProjectOrderedEntries.EMPTY, Optional.empty());

    public Registry {
        if (allocations == null || lastCleanup == null) {
            throw new InvalidInputException("A registry needs its allocations and its last cleanup time (or none).");
        }
        // Only this class makes ProjectOrderedEntries, after its checks: another registry's are taken as they are.
        allocations = allocations instanceof ProjectOrderedEntries checked ? checked : checkedCopy(allocations);
    }

    /** Every entry under its own project, and no port held twice (named ports count like main ports). */
    private static ProjectOrderedEntries checkedCopy(Map<ProjectName, Allocation> allocations) {
        // Kept sorted by project: listings and the registry file come out in that order.
        SortedMap<ProjectName, Allocation> sorted = allocations instanceof SortedMap<ProjectName, Allocation> map
                && map.comparator() == null ? map : new TreeMap<>(allocations);
        sorted.forEach((name, allocation) -> {
            if (!name.equals(allocation.project())) {
                throw new InvalidInputException("Registry entry " + name + " describes project " + allocation.project() + ".");
            }
        });
        return requireNoPortHeldTwice(ProjectOrderedEntries.of(sorted.values()));
    }

    private static ProjectOrderedEntries requireNoPortHeldTwice(ProjectOrderedEntries entries) {
        Map<PortNumber, ProjectName> holders = new HashMap<>();
        for (Allocation allocation : entries.values()) {
            if (allocation.isHeld()) {
                for (PortNumber port : allocation.ports()) {
                    ProjectName other = holders.putIfAbsent(port, allocation.project());
                    if (other != null) {
                        throw new InvalidInputException("Port " + port + " is held by both " + other + " and " + allocation.project() + ".");
                    }
                }
            }
        }
        return entries;
    }

    public static Registry of(Collection<Allocation> allocations, Optional<Instant> lastCleanup) {
        // A registry file lists its entries in project order: then they need no sorting.
        if (inStrictProjectOrder(allocations)) {
            return new Registry(requireNoPortHeldTwice(ProjectOrderedEntries.of(allocations)), lastCleanup);
        }
        Map<ProjectName, Allocation> byProject = new TreeMap<>();
        for (Allocation allocation : allocations) {
            if (byProject.putIfAbsent(allocation.project(), allocation) != null) {
                throw new InvalidInputException("Project " + allocation.project() + " appears twice in the registry.");
            }
        }
        return new Registry(byProject, lastCleanup);
    }

    private static boolean inStrictProjectOrder(Collection<Allocation> allocations) {
        ProjectName previous = null;
        for (Allocation allocation : allocations) {
            if (previous != null && previous.compareTo(allocation.project()) >= 0) {
                return false;
            }
            previous = allocation.project();
        }
        return true;
    }

    public Optional<Allocation> find(ProjectName project) {
        return Optional.ofNullable(allocations.get(project));
    }

    /** Every allocation, in project-name order (unmodifiable; a registry never changes). */
    public List<Allocation> list() {
        return entries().values();
    }

    public int size() {
        return allocations.size();
    }

    /** Whether any entry has named ports (an answer kept up to date by each change, not a pass over the entries). */
    public boolean anyNamedPorts() {
        return entries().anyNamedPorts();
    }

    public Registry with(Allocation allocation) {
        ProjectOrderedEntries changed = entries().with(allocation);
        requireNoOtherHolder(changed, allocation);
        return new Registry(changed, lastCleanup);
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
        return new Registry(entries().without(project), lastCleanup); // what was valid stays valid with an entry less
    }

    public Registry withLastCleanup(Instant when) {
        return new Registry(allocations, Optional.of(when));
    }

    private ProjectOrderedEntries entries() {
        return (ProjectOrderedEntries) allocations; // the constructor makes every registry's so
    }

    /** The check the constructor makes, for the one entry with() adds to a registry already checked. */
    private static void requireNoOtherHolder(ProjectOrderedEntries registry, Allocation added) {
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
