package dev.localdb.domain.project;

import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a project's server starts with: the caller's, without any project identity it
 * carries, plus this project's own ports. A server started from another project's dashboard (or
 * from a shell inside {@code localdb run}) would otherwise inherit that project's
 * {@code PORT_<NAME>} for every name this project lacks, and talk to the other project's database.
 *
 * <p>localdb's own settings ({@code LOCALDB_HOME}, {@code LOCALDB_PORT_RANGES}, ...) are kept on
 * purpose: the dashboard of the server started here runs localdb again, and it must use the same
 * home and the same rules.
 */
public final class ServerEnvironment {
    private ServerEnvironment() {
    }

    /** {@code inherited} without {@code PORT}, {@code PORT_*} and {@code LOCALDB_PROJECT}, then {@code ports} on top. */
    public static Map<String, String> of(Map<String, String> inherited, Map<String, String> ports) {
        Map<String, String> environment = new TreeMap<>();
        inherited.forEach((name, value) -> {
            if (!isProjectIdentity(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(ports);
        return environment;
    }

    /** The variables that say which project and which ports a process belongs to. */
    public static boolean isProjectIdentity(String variable) {
        return variable.equals("PORT") || variable.startsWith("PORT_") || variable.equals("LOCALDB_PROJECT");
    }
}
