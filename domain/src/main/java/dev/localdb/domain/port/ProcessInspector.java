package dev.localdb.domain.port;

import dev.localdb.domain.model.ProcessIdentity;
import java.util.Optional;

/** Identifies processes well enough to tell "the same process" from "a process with the same PID". */
public interface ProcessInspector {

    /** The identity of the process running this code. */
    ProcessIdentity current();

    /** The identity of a live process, or empty when no process has this PID. */
    Optional<ProcessIdentity> identify(long pid);

    /** True when the identified process still runs: same PID, same start time, same boot. */
    boolean isAlive(ProcessIdentity identity);
}
