package dev.localdb.domain.port;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.ProcessIdentity;
import java.util.List;

/** Starts a project's server detached from the terminal, with {@code PORT} and {@code LOCALDB_PROJECT} set. */
public interface ServerLauncher {

    /** Starts the server and returns its identity at once (it may not be ready yet). */
    ProcessIdentity launch(LaunchSpec spec);

    /** The last lines of the project's server log (for error messages); empty when there is none. */
    List<String> lastLogLines(LaunchSpec spec, int count);
}
