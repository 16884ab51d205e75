package dev.localdb.domain.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables that hand a process its project's ports: {@code PORT}, one {@code PORT_<NAME>} per
 * named port, and {@code LOCALDB_PROJECT}. One spelling for the detached server of {@code start}
 * and the foreground command of {@code run}, so that a program sees the same names under both.
 */
public final class PortVariables {
    private PortVariables() {
    }

    public static Map<String, String> of(ProjectName project, PortNumber port, Map<PortName, PortNumber> namedPorts) {
        Map<String, String> env = new TreeMap<>();
        env.put("PORT", port.toString());
        namedPorts.forEach((name, named) -> env.put(name.environmentVariable(), named.toString()));
        env.put("LOCALDB_PROJECT", project.value());
        return Collections.unmodifiableMap(env);
    }

    /** The variables of the ports an allocation holds. */
    public static Map<String, String> of(Allocation ports) {
        return of(ports.project(), ports.port(), ports.namedPorts());
    }
}
