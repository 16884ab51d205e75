package dev.localdb.adapters.os;

import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The server logs {@link DetachedServerLauncher} writes in the runtime directory:
 * {@code <project>.log} and the one rotated {@code <project>.log.1} ({@link ServerLogFile}).
 * A link where a log belongs is not followed.
 */
public final class ServerLogFiles implements ServerLogs {
    private final Path runtimeDir;

    public ServerLogFiles(Path runtimeDir) {
        this.runtimeDir = runtimeDir;
    }

    @Override
    public boolean exists(ProjectName project) {
        return Files.isRegularFile(logOf(project), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Reading open(ProjectName project, OptionalInt lastLines) {
        Path log = logOf(project);
        try {
            return FollowedLogFile.open(log, lastLines);
        } catch (IOException e) {
            throw FollowedLogFile.unreadable(log, e);
        }
    }

    @Override
    public void delete(ProjectName project) {
        Path log = logOf(project);
        for (Path file : new Path[] {log, ServerLogFile.rotated(log)}) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StateUnusableException("Cannot delete the log " + file + ": " + e.getMessage()
                        + "; check that the runtime folder is yours and writable.", e);
            }
        }
    }

    private Path logOf(ProjectName project) {
        // A ProjectName has no separators and no leading dot, so the log stays inside the runtime directory.
        return runtimeDir.resolve(project.value() + ".log");
    }
}
