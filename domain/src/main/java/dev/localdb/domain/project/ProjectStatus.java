package dev.localdb.domain.project;

import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One line of {@code localdb status}.
 *
 * @param config     empty for a name that only has a registry entry (e.g. from {@code localdb port})
 * @param port       the port held now, or else the one the project remembers; empty if it never had one
 * @param server     the owner process recorded for a held port (for CRASHED it no longer runs)
 * @param since      when the held port was allocated; empty unless the port is held
 * @param allocation the registry's view of the port (e.g. RESERVED for a STOPPED project)
 * @param namedPorts the named ports held now or remembered, by name, like {@code port}
 * @param wrapperGone RUNNING although the recorded server died: what it started (the dev server a
 *                    killed shell or npm had started) still runs and still serves the port
 */
public record ProjectStatus(ProjectName name, State state, Optional<ProjectConfig> config, Optional<PortNumber> port,
                            Optional<ProcessIdentity> server, Optional<Instant> since,
                            Optional<AllocationStatus> allocation, Map<PortName, PortNumber> namedPorts, boolean wrapperGone) {
    public ProjectStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(allocation, "allocation");
        namedPorts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(namedPorts, "namedPorts")));
    }

    public ProjectStatus(ProjectName name, State state, Optional<ProjectConfig> config, Optional<PortNumber> port,
                         Optional<ProcessIdentity> server, Optional<Instant> since, Optional<AllocationStatus> allocation,
                         Map<PortName, PortNumber> namedPorts) {
        this(name, state, config, port, server, since, allocation, namedPorts, false);
    }

    public ProjectStatus(ProjectName name, State state, Optional<ProjectConfig> config, Optional<PortNumber> port,
                         Optional<ProcessIdentity> server, Optional<Instant> since, Optional<AllocationStatus> allocation) {
        this(name, state, config, port, server, since, allocation, Map.of());
    }

    /** The state as {@code status} shows it: {@code running (wrapper gone)} when {@link #wrapperGone}. */
    public String stateText() {
        return wrapperGone ? state.label() + " (wrapper gone)" : state.label();
    }

    /** Where to open the project, while it runs. */
    public Optional<String> url() {
        return state == State.RUNNING ? port.map(ProjectStatus::urlOf) : Optional.empty();
    }

    /** Where to open each named port, while the project runs. */
    public Map<PortName, String> namedUrls() {
        return state == State.RUNNING ? urlsOf(namedPorts) : Map.of();
    }

    static String urlOf(PortNumber port) {
        return "http://localhost:" + port;
    }

    static Map<PortName, String> urlsOf(Map<PortName, PortNumber> namedPorts) {
        Map<PortName, String> urls = new TreeMap<>();
        namedPorts.forEach((name, port) -> urls.put(name, urlOf(port)));
        return Collections.unmodifiableMap(urls);
    }

    public enum State {
        /** A live process holds the project's port. */
        RUNNING,
        /** The process that held the port died without releasing it. */
        CRASHED,
        /** Nothing serves the project (its port may be reserved or remembered). */
        STOPPED;

        /** The lower-case word shown to users and written by {@code --json}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
