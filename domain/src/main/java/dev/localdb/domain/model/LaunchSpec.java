package dev.localdb.domain.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to start: this project's server, listening on this port, with these named ports besides.
 *
 * @param namedPorts the project's extra ports by name, given to the server as {@code PORT_<NAME>}
 */
public record LaunchSpec(ProjectConfig project, PortNumber port, Map<PortName, PortNumber> namedPorts) {
    public LaunchSpec {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(port, "port");
        namedPorts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(namedPorts, "namedPorts")));
    }

    public LaunchSpec(ProjectConfig project, PortNumber port) {
        this(project, port, Map.of());
    }

    /**
     * The variables the server gets besides the rest of its environment: {@code PORT}, one
     * {@code PORT_<NAME>} per named port, and {@code LOCALDB_PROJECT}.
     */
    public Map<String, String> portEnvironment() {
        return PortVariables.of(project.name(), port, namedPorts);
    }
}
