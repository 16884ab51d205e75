package dev.localdb.domain.port;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;

/** One foreground run, from {@link ForegroundLauncher#open}: the command and the promise about how this process ends. */
public interface ForegroundSession extends AutoCloseable {

    /**
     * Starts the command with the caller's environment, without any project identity it carries,
     * plus the ports' variables ({@link dev.localdb.domain.model.PortVariables}), and waits for it
     * to exit. While it runs, the signals that ask this process to end are passed on to it
     * instead (SIGTERM, SIGHUP, and a SIGINT that did not come from the terminal). Returns only
     * once the command is not running.
     *
     * @throws dev.localdb.domain.error.InvalidInputException when the command cannot be started for
     *                                                        another reason than those of {@link ForegroundExit.NotStarted}
     * @throws InterruptedException                           when this thread is interrupted while the command runs
     */
    ForegroundExit runToEnd(ForegroundCommand command, Allocation ports) throws InterruptedException;

    /** Withdraws the promise of {@link ForegroundLauncher#open}: this process may end as it likes again. */
    @Override
    void close();
}
