package dev.localdb.domain.project;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code localdb stop} did.
 *
 * @param port       the port the project held (now released and remembered), or the one it remembers
 * @param namedPorts the project's named ports, released and remembered with the main port
 * @param server     the process that was stopped, or the dead owner that was cleaned up
 */
public record StopResult(ProjectName project, Outcome outcome, Optional<PortNumber> port,
                         Map<PortName, PortNumber> namedPorts, Optional<ProcessIdentity> server) {
    public StopResult {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(port, "port");
        namedPorts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(namedPorts, "namedPorts")));
        Objects.requireNonNull(server, "server");
    }

    /** Nothing was running and the project has no registry entry. */
    static StopResult notRunning(ProjectName project) {
        return new StopResult(project, Outcome.NOT_RUNNING, Optional.empty(), Map.of(), Optional.empty());
    }

    public enum Outcome {
        /** The server stopped when asked. */
        STOPPED,
        /** The server ignored the request and was killed after the grace period. */
        KILLED,
        /** Nothing was running; nothing changed. */
        NOT_RUNNING,
        /** The server had died without releasing its port; the port was released. */
        CRASHED,
        /** The server had died, but what it started still ran: those processes were stopped and the port released. */
        LEFTOVERS_STOPPED,
        /** The recorded owner is a process localdb never signals (PID 1, the caller, an ancestor); the port stays held. */
        REFUSED,
        /** The system did not let localdb signal the server (another user's process); it runs on, the port stays held. */
        NOT_PERMITTED;

        /** Whether the server is known to be gone (or was never there), so that its port could be released. */
        public boolean ended() {
            return this != REFUSED && this != NOT_PERMITTED;
        }
    }
}
