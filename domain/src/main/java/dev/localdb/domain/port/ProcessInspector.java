package dev.localdb.domain.port;

import dev.localdb.domain.model.ProcessIdentity;
import java.util.Optional;
import java.util.function.Predicate;

/** Identifies processes well enough to tell "the same process" from "a process with the same PID". */
public interface ProcessInspector {

    /** The identity of the process running this code. */
    ProcessIdentity current();

    /** The identity of a live process, or empty when no process has this PID. */
    Optional<ProcessIdentity> identify(long pid);

    /** True when the identified process still runs: same PID, same start time, same boot. */
    boolean isAlive(ProcessIdentity identity);

    /**
     * One look at the sessions now, for judging many owners at once: true for a process that has
     * ended while processes of the session it led still run. Servers are started as session
     * leaders, so these are what a killed wrapper (a shell, npm) started: the dev server still
     * serving the project's port, still the project's to show and to stop. False for a process
     * that still runs, and everywhere where sessions cannot be seen.
     */
    default Predicate<ProcessIdentity> sessionsLivingOn() {
        return leader -> false;
    }
}
