package dev.localdb.domain.fake;

import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLogs;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Server logs in memory: each project's log and its one rotated log, which tests write, rotate
 * and truncate as a server and logs.maxBytes would.
 */
public final class InMemoryServerLogs implements ServerLogs {
    /** One file; a rotation keeps the object (as a rename keeps the inode) and makes a new one. */
    private static final class LogText {
        final StringBuilder text = new StringBuilder();
    }

    private final Map<ProjectName, LogText> current = new HashMap<>();
    private final Map<ProjectName, LogText> rotated = new HashMap<>();

    public synchronized void write(ProjectName project, String text) {
        current.computeIfAbsent(project, p -> new LogText()).text.append(text);
    }

    public synchronized void rotate(ProjectName project) {
        rotated.put(project, current.remove(project));
        current.put(project, new LogText());
    }

    public synchronized void truncate(ProjectName project) {
        current.get(project).text.setLength(0);
    }

    /** Whether the project has a rotated log (which {@link #delete} deletes too). */
    public synchronized boolean hasRotated(ProjectName project) {
        return rotated.containsKey(project);
    }

    @Override
    public synchronized boolean exists(ProjectName project) {
        return current.containsKey(project);
    }

    @Override
    public synchronized Reading open(ProjectName project, OptionalInt lastLines) {
        LogText log = current.get(project);
        if (log == null) {
            throw new StateUnusableException("Cannot read the log of " + project + ": there is none.");
        }
        int start = lastLines.isPresent() ? startOfLastLines(log.text, lastLines.getAsInt()) : 0;
        return new InMemoryReading(project, log, start);
    }

    @Override
    public synchronized void delete(ProjectName project) {
        current.remove(project);
        rotated.remove(project);
    }

    private static int startOfLastLines(CharSequence text, int lines) {
        if (lines == 0) {
            return text.length();
        }
        int newlines = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            if (text.charAt(i) == '\n' && i != text.length() - 1 && ++newlines == lines) {
                return i + 1;
            }
        }
        return 0;
    }

    private final class InMemoryReading implements Reading {
        private final ProjectName project;
        private LogText followed;
        private int position;

        InMemoryReading(ProjectName project, LogText followed, int position) {
            this.project = project;
            this.followed = followed;
            this.position = position;
        }

        @Override
        public String read() {
            synchronized (InMemoryServerLogs.this) {
                if (followed.text.length() < position) {
                    position = 0;
                }
                StringBuilder out = new StringBuilder(followed.text.substring(position));
                position = followed.text.length();
                LogText now = current.get(project);
                if (now != null && now != followed) {
                    LogText between = rotated.get(project);
                    if (between != null && between != followed) {
                        out.append(between.text); // a second rotation came: the file in between, whole
                    }
                    followed = now;
                    out.append(now.text);
                    position = now.text.length();
                }
                return out.toString();
            }
        }

        @Override
        public void close() {
        }
    }
}
