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
    /** {@code localdb run}: the command cannot be executed (found but not runnable), as a shell says. */
    public static final int COMMAND_NOT_EXECUTABLE = 126;
    /** {@code localdb run}: the command does not exist, as a shell says. */
    public static final int COMMAND_NOT_FOUND = 127;

    private ExitCode() {
    }
}
