package dev.localdb.domain.project;

import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.allocation.RegistryView;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.domain.port.ServerControl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what every project is doing: each catalog project, plus each registry entry whose name has
 * no project (a port reserved with {@code localdb port}, or a {@code localdb run} of a name never
 * created). Only reads; never writes the registry or the catalog.
 */
final class ProjectStatuses {
    private final PortAllocator allocator;
    private final ProjectCatalog catalog;
    private final ServerControl control;

    ProjectStatuses(PortAllocator allocator, ProjectCatalog catalog, ServerControl control) {
        this.allocator = allocator;
        this.catalog = catalog;
        this.control = control;
    }

    /** Sorted by name. */
    List<ProjectStatus> all() {
        Map<ProjectName, ProjectConfig> configs = catalog.list().stream()
                .collect(Collectors.toMap(ProjectConfig::name, Function.identity(), (a, b) -> a, TreeMap::new));
        Map<ProjectName, RegistryView.Entry> entries = entriesByName();
        TreeSet<ProjectName> names = new TreeSet<>(configs.keySet());
        names.addAll(entries.keySet());
        return names.stream()
                .map(name -> statusOf(name, Optional.ofNullable(configs.get(name)), Optional.ofNullable(entries.get(name))))
                .toList();
    }

    /** Empty when localdb knows nothing of this name. */
    Optional<ProjectStatus> of(ProjectName name) {
        Optional<ProjectConfig> config = catalog.find(name);
        Optional<RegistryView.Entry> entry = Optional.ofNullable(entriesByName().get(name));
        if (config.isEmpty() && entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(statusOf(name, config, entry));
    }

    /** The registry's entry for one name, with its status judged now. */
    Optional<RegistryView.Entry> entry(ProjectName name) {
        return Optional.ofNullable(entriesByName().get(name));
    }

    private Map<ProjectName, RegistryView.Entry> entriesByName() {
        return allocator.view().entries().stream()
                .collect(Collectors.toMap(e -> e.allocation().project(), Function.identity()));
    }

    private ProjectStatus statusOf(ProjectName name, Optional<ProjectConfig> config,
                                   Optional<RegistryView.Entry> entry) {
        Optional<AllocationStatus> allocation = entry.map(RegistryView.Entry::status);
        Optional<Allocation> held = entry.map(RegistryView.Entry::allocation).filter(Allocation::isHeld);
        // Active although the recorded server died: its session lives on (leftovers is 0 while it runs).
        boolean wrapperGone = allocation.filter(s -> s == AllocationStatus.ACTIVE).isPresent()
                && held.flatMap(Allocation::owner).filter(owner -> control.leftovers(owner) > 0).isPresent();
        return new ProjectStatus(name, stateOf(allocation), config,
                entry.map(e -> e.allocation().port()),
                held.flatMap(Allocation::owner),
                held.map(Allocation::allocatedAt),
                allocation,
                entry.map(e -> e.allocation().namedPorts()).orElse(Map.of()),
                wrapperGone);
    }

    private static ProjectStatus.State stateOf(Optional<AllocationStatus> allocation) {
        return allocation.map(status -> switch (status) {
            case ACTIVE -> ProjectStatus.State.RUNNING;
            case STALE -> ProjectStatus.State.CRASHED;
            case RESERVED, RELEASED -> ProjectStatus.State.STOPPED;
        }).orElse(ProjectStatus.State.STOPPED);
    }
}
