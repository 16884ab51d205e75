package dev.localdb.domain.port;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import java.time.Duration;

/** Watches and stops servers. Never signals a process whose identity does not match. */
public interface ServerControl {

    /** True when something accepts TCP connections on the port at 127.0.0.1 or [::1]. */
    boolean acceptsConnections(PortNumber port);

    /**
     * Asks the verified process and its descendants to stop (SIGTERM), waits up to {@code grace},
     * then kills what is left. Never signals PID 1, the calling process or its ancestors.
     */
    Termination terminate(ProcessIdentity identity, Duration grace);

    /**
     * Stops what a server that died left behind: the processes of the session it led (servers
     * are started as session leaders), e.g. the dev server a killed shell had started, which
     * would otherwise keep the port. Does nothing while the server itself still runs.
     *
     * @return how many processes were stopped
     */
    int stopLeftovers(ProcessIdentity deadServer, Duration grace);

    /**
     * How many processes of a dead server's session still run, without touching them: a wrapper
     * (a shell, npm) that was killed while the dev server it started serves on. 0 while the server
     * itself runs.
     */
    int leftovers(ProcessIdentity deadServer);

    enum Termination {
        /** It stopped after the polite request. */
        STOPPED,
        /** It had to be killed after the grace period. */
        KILLED,
        /** No such process any more (or the PID belongs to another process now): nothing was signalled. */
        NOT_RUNNING,
        /** The identity names a process that must never be signalled (PID 1, the caller, an ancestor): nothing was signalled. */
        REFUSED,
        /** The system refused the signal (another user's process): it still runs. */
        NOT_PERMITTED
    }
}
