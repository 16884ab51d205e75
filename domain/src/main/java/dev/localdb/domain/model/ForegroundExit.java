package dev.localdb.domain.model;

import java.util.Objects;

/** How the command of {@code localdb run} ended: it ran and exited, or it could not be started at all. */
public sealed interface ForegroundExit {

    /** The command ran; {@code status} is its exit status (128 + n when signal n ended it, as a shell says). */
    record Exited(int status) implements ForegroundExit {
    }

    /** Nothing ran: the program does not exist, or it is not an executable file. */
    record NotStarted(String program, Reason reason) implements ForegroundExit {
        public NotStarted {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a command could not be started, in the words a shell uses. */
    enum Reason {
        NOT_FOUND("command not found"),
        NOT_EXECUTABLE("permission denied (not an executable file)");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
