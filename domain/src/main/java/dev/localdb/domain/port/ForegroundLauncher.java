package dev.localdb.domain.port;

/**
 * Runs the command of {@code localdb run} as this process's own child, in the foreground: on the
 * same terminal and in the same process group, so that Ctrl-C at the terminal reaches it directly.
 */
public interface ForegroundLauncher {

    /**
     * Makes this process end only after its command: from now until the session is closed, when
     * this process is made to end (a signal it does not pass on, an exit), the command started in
     * the session is asked to end, killed after a grace period, and only then does
     * {@code afterTheCommand} run (it releases the command's port). Closing the session normally
     * does not run it.
     */
    ForegroundSession open(Runnable afterTheCommand);
}
