package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;

/**
 * A process that has a listening socket open.
 *
 * @param pid         the operating system's process id
 * @param session     its session id, 0 when unknown; a server localdb starts leads a session of its
 *                    own, so whatever that server starts (a dev server under {@code sh -c}) shares it
 * @param commandLine its arguments joined by spaces, with control characters already escaped; may be
 *                    empty when the system does not tell
 */
public record ListeningProcess(long pid, long session, String commandLine) {
    public ListeningProcess {
        if (pid <= 0) {
            throw new InvalidInputException("Invalid process id " + pid + ": a PID is a positive number.");
        }
        if (commandLine == null) {
            throw new InvalidInputException("A listening process needs a command line (empty when unknown).");
        }
        commandLine = Printable.escaped(commandLine);
    }

    /** Whether this process is {@code leader} itself or runs in the session {@code leader} leads. */
    public boolean belongsTo(long leader) {
        return pid == leader || (session > 0 && session == leader);
    }
}
