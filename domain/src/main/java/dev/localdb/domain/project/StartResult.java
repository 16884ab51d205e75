package dev.localdb.domain.project;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import java.util.Objects;

/**
 * What {@code localdb start} achieved.
 *
 * @param project    the project's configuration (just created when {@code createdNow})
 * @param server     the process that serves the port (for ALREADY_RUNNING: the one found there)
 * @param createdNow the project did not exist and was created with every default
 */
public record StartResult(Outcome outcome, ProjectConfig project, PortNumber port, ProcessIdentity server,
                          boolean createdNow) {
    public StartResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(server, "server");
    }

    public String url() {
        return ProjectStatus.urlOf(port);
    }

    public enum Outcome {
        /** A server was launched and accepts connections. */
        STARTED,
        /** A live server already held the project's port; nothing was started. */
        ALREADY_RUNNING
    }
}
