package dev.localdb.domain.project;

import dev.localdb.domain.model.ProjectName;
import java.util.List;
import java.util.Optional;

/** The projects the user created, each with its configuration and its data folder. */
public interface ProjectCatalog {

    /**
     * Records a new project and creates its folders.
     *
     * @throws dev.localdb.domain.error.InvalidInputException when the project exists already
     */
    ProjectConfig create(ProjectConfig config);

    Optional<ProjectConfig> find(ProjectName name);

    /** Every project, sorted by name. */
    List<ProjectConfig> list();
}
