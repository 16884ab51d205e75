package dev.localdb.domain.fake;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Projects in a sorted map; the same "exists already" rule and message as the file catalog. Its
 * projects hold no data, so a removal keeps none.
 */
public final class InMemoryProjectCatalog implements ProjectCatalog {
    private final Map<ProjectName, ProjectConfig> projects = new TreeMap<>();

    @Override
    public synchronized ProjectConfig create(ProjectConfig config) {
        if (projects.putIfAbsent(config.name(), config) != null) {
            throw new ProjectExistsException(config.name());
        }
        return config;
    }

    @Override
    public synchronized Optional<ProjectConfig> find(ProjectName name) {
        return Optional.ofNullable(projects.get(name));
    }

    @Override
    public synchronized List<ProjectConfig> list() {
        return List.copyOf(projects.values());
    }

    @Override
    public synchronized ProjectConfig update(ProjectConfig config) {
        if (projects.replace(config.name(), config) == null) {
            throw new InvalidInputException("Project \"" + config.name() + "\" does not exist: create it with 'localdb new "
                    + config.name() + "'.");
        }
        return config;
    }

    @Override
    public synchronized Optional<Removal> remove(ProjectName name, boolean purgeData) {
        return Optional.ofNullable(projects.remove(name)).map(removed -> new Removal(removed, Optional.empty(), false));
    }

    @Override
    public Optional<String> keptData(ProjectName name) {
        return Optional.empty();
    }
}
