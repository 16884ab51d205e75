package dev.localdb.domain.error;

import java.util.List;

/**
 * A project's server was launched but never became ready. Nothing of it is left running and its
 * port is released (remembered). The last lines of its log travel with the error, because they
 * usually say why (a typo in the command, a missing dependency, a port it ignored).
 */
public final class ServerStartFailedException extends LocalDbException {
    private final Reason reason;
    private final List<String> logLines;

    public ServerStartFailedException(Reason reason, String message, List<String> logLines) {
        super(message);
        this.reason = reason;
        this.logLines = List.copyOf(logLines);
    }

    public Reason reason() {
        return reason;
    }

    /** The last lines of the server's log, oldest first; empty when it wrote nothing. */
    public List<String> logLines() {
        return logLines;
    }

    public enum Reason {
        /** The server process ended before anything accepted connections on its port. */
        EXITED,
        /** The server kept running but did not accept connections in time; it was stopped. */
        TIMED_OUT,
        /** Other programs took the chosen ports before the server could listen, on every attempt. */
        PORT_TAKEN
    }
}
