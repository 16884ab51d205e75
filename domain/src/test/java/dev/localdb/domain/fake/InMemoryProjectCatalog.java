package dev.localdb.domain.fake;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectCatalog;
import dev.localdb.domain.project.ProjectConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Projects in a sorted map; the same "exists already" rule and message as the file catalog. */
public final class InMemoryProjectCatalog implements ProjectCatalog {
    private final Map<ProjectName, ProjectConfig> projects = new TreeMap<>();

    @Override
    public synchronized ProjectConfig create(ProjectConfig config) {
        if (projects.putIfAbsent(config.name(), config) != null) {
            throw new InvalidInputException("Project \"" + config.name() + "\" exists already: use a different name or 'localdb start "
                    + config.name() + "'.");
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
}
