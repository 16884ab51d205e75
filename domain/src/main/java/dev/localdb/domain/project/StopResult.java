package dev.localdb.domain.project;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code localdb stop} did.
 *
 * @param port   the port the project held (now released and remembered), or the one it remembers
 * @param server the process that was stopped, or the dead owner that was cleaned up
 */
public record StopResult(ProjectName project, Outcome outcome, Optional<PortNumber> port,
                         Optional<ProcessIdentity> server) {
    public StopResult {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(server, "server");
    }

    public enum Outcome {
        /** The server stopped when asked. */
        STOPPED,
        /** The server ignored the request and was killed after the grace period. */
        KILLED,
        /** Nothing was running; nothing changed. */
        NOT_RUNNING,
        /** The server had died without releasing its port; the port was released. */
        CRASHED
    }
}
