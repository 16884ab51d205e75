package dev.localdb.domain.port;

import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.util.List;
import java.util.Optional;

/** The projects the user created, each with its configuration and its data folder. */
public interface ProjectCatalog {

    /**
     * Records a new project and creates its folders.
     *
     * @throws dev.localdb.domain.error.ProjectExistsException when the project exists already
     */
    ProjectConfig create(ProjectConfig config);

    Optional<ProjectConfig> find(ProjectName name);

    /** Every project, sorted by name. */
    List<ProjectConfig> list();

    /**
     * Replaces an existing project's configuration ({@code localdb edit}) in one step: a reader
     * sees the old or the new one, never a mix. The name and the creation time are the project's.
     *
     * @throws dev.localdb.domain.error.InvalidInputException when there is no such project
     */
    ProjectConfig update(ProjectConfig config);

    /**
     * Removes the project ({@code localdb rm}): its configuration and its folder disappear at once.
     * Its data is kept, moved out of the way so that a new project of the same name starts empty,
     * unless {@code purgeData}; an empty data folder is not worth keeping.
     *
     * @return empty when there was no such project
     */
    Optional<Removal> remove(ProjectName name, boolean purgeData);

    /** Where the data that earlier removals of this name kept now is; empty when none was kept. */
    Optional<String> keptData(ProjectName name);

    /**
     * What {@link #remove} did.
     *
     * @param keptData where the project's data now is; empty when it was purged or there was none
     * @param hadData  whether the project had any data (files) when it was removed
     */
    record Removal(ProjectConfig config, Optional<String> keptData, boolean hadData) {
        public Removal {
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(keptData, "keptData");
        }
    }
}
