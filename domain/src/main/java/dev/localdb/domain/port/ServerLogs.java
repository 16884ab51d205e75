package dev.localdb.domain.port;

import dev.localdb.domain.model.ProjectName;
import java.util.OptionalInt;

/**
 * The log a project's detached server writes (see {@link ServerLauncher}), which is capped by
 * rotating it into one older file beside it: shown and followed by {@code localdb logs}, deleted
 * by {@code localdb rm}.
 */
public interface ServerLogs {

    /** Whether the project's server has written a log yet. */
    boolean exists(ProjectName project);

    /**
     * Opens the log where its last {@code lastLines} lines begin (a last line without its newline
     * counts as one), or at its beginning when empty; only the end of a long log is read.
     *
     * @throws dev.localdb.domain.error.StateUnusableException when there is no log, or it cannot be read
     */
    Reading open(ProjectName project, OptionalInt lastLines);

    /** Deletes the log and the rotated one; nothing happens when there are none. */
    void delete(ProjectName project);

    /** An open log, read as the server keeps writing it. */
    interface Reading extends AutoCloseable {
        /**
         * What was written since the last read (the first: from where it was opened); empty when
         * nothing was. A log truncated meanwhile is read again from its beginning. A rotated one
         * is read to its end, then the file rotated in between (if a second rotation came) whole,
         * then the new log, so that following it loses no line.
         *
         * @throws dev.localdb.domain.error.StateUnusableException when the log cannot be read
         */
        String read();

        @Override
        void close();
    }
}
