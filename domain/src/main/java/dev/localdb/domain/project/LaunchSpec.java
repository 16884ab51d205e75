package dev.localdb.domain.project;

import dev.localdb.domain.model.PortNumber;
import java.util.Objects;

/** What to start: this project's server, listening on this port. */
public record LaunchSpec(ProjectConfig project, PortNumber port) {
    public LaunchSpec {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(port, "port");
    }
}
