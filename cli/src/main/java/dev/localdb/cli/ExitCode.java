package dev.localdb.cli;

/** Every exit code localdb returns, in one place; scripts may rely on them. */
public final class ExitCode {
    public static final int OK = 0;
    /** Something unexpected failed; run again with --verbose for the details. */
    public static final int FAILURE = 1;
    /** Bad input: an invalid project name, port, option or configuration value. */
    public static final int BAD_INPUT = 2;
    /** Every port of every configured range is taken. */
    public static final int NO_FREE_PORT = 3;
    /** The registry is busy (lock timeout) or cannot be used safely. */
    public static final int REGISTRY_UNAVAILABLE = 4;
    /** A project's server exited or did not become ready; its log lines were printed. */
    public static final int SERVER_FAILED = 5;
    /** The project's port is served by another live process (its server, or another {@code localdb run}): stop that first. */
    public static final int PROJECT_IN_USE = 6;
    /** {@code localdb doctor}: at least one check found a problem (the same value as {@link #FAILURE}, as scripts already expect). */
    public static final int PROBLEMS_FOUND = 1;
    /** {@code localdb run}: the command cannot be executed (found but not runnable), as a shell says. */
    public static final int COMMAND_NOT_EXECUTABLE = 126;
    /** {@code localdb run}: the command does not exist, as a shell says. */
    public static final int COMMAND_NOT_FOUND = 127;

    /** The help footer's line, built from the constants above so that the two cannot drift apart. */
    public static final String HELP_LINE = "Exit codes: " + OK + " ok, " + FAILURE + " unexpected failure, " + BAD_INPUT + " bad input, "
            + NO_FREE_PORT + " no free port, " + REGISTRY_UNAVAILABLE + " registry busy or unusable, " + SERVER_FAILED
            + " server failed to start, " + PROJECT_IN_USE + " project in use by another process;"
            + " 'run' exits with its command's code, " + COMMAND_NOT_FOUND + " when the command is not found, "
            + COMMAND_NOT_EXECUTABLE + " when it cannot be executed.";

    private ExitCode() {
    }
}
