package dev.localdb.domain.project;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code localdb start} achieved.
 *
 * @param project    the project's configuration (just created when {@code createdNow})
 * @param server     the process that serves the port (for ALREADY_RUNNING: the one found there)
 * @param createdNow the project did not exist and was created with every default
 * @param namedPorts the project's named ports, as its server got them in {@code PORT_<NAME>}
 */
public record StartResult(Outcome outcome, ProjectConfig project, PortNumber port, ProcessIdentity server,
                          boolean createdNow, Map<PortName, PortNumber> namedPorts) {
    public StartResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(server, "server");
        namedPorts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(namedPorts, "namedPorts")));
    }

    public StartResult(Outcome outcome, ProjectConfig project, PortNumber port, ProcessIdentity server, boolean createdNow) {
        this(outcome, project, port, server, createdNow, Map.of());
    }

    public String url() {
        return ProjectStatus.urlOf(port);
    }

    /** Where each named port would be opened, by name, e.g. api → http://localhost:3001. */
    public Map<PortName, String> namedUrls() {
        return ProjectStatus.urlsOf(namedPorts);
    }

    public enum Outcome {
        /** A server was launched and accepts connections. */
        STARTED,
        /** A live server already held the project's port; nothing was started. */
        ALREADY_RUNNING
    }
}
