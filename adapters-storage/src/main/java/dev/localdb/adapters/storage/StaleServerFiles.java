package dev.localdb.adapters.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.LeftoverServerFiles;
import dev.localdb.domain.port.ProcessInspector;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes {@code projects/<name>/server.json} files left by embedded servers that were killed
 * before they could remove them. A file younger than the grace period is left alone, and so is
 * one whose PID still runs: the registry (owner PID + start time + boot id) is what decides
 * whether a port is stale; this only tidies what a dead server left behind. It reads the file the
 * way {@link RunningServerFiles} does, so the two never disagree on its name.
 */
public final class StaleServerFiles implements LeftoverServerFiles {
    static final Duration GRACE = Duration.ofSeconds(10);
    private final Path projects;
    private final ProcessInspector inspector;

    public StaleServerFiles(Path projects, ProcessInspector inspector) {
        this.projects = projects;
        this.inspector = inspector;
    }

    @Override
    public void forget(ProjectName project) {
        Path info = projects.resolve(project.value()).resolve("server.json");
        try {
            Files.deleteIfExists(info);
        } catch (IOException e) {
            throw unusable(info, e);
        }
    }

    /** How many files were removed. */
    @Override
    public int removeDead(Instant now) {
        try {
            List<Path> dead = findDead(now);
            for (Path info : dead) {
                Files.deleteIfExists(info);
            }
            return dead.size();
        } catch (IOException e) {
            throw unusable(projects, e);
        }
    }

    private static StateUnusableException unusable(Path path, IOException e) {
        return new StateUnusableException("Cannot remove the server file " + path + " a stopped server left: " + e.getMessage()
                + "; check that the folder is yours and writable.", e);
    }

    /** The files {@link #removeDead} would remove; only looks (for {@code localdb doctor}). */
    public List<Path> findDead(Instant now) throws IOException {
        List<Path> dead = new ArrayList<>();
        if (!Files.isDirectory(projects, LinkOption.NOFOLLOW_LINKS)) {
            return dead;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(projects)) {
            for (Path folder : folders) {
                Path info = RunningServerFiles.in(folder);
                if (Files.isRegularFile(info, LinkOption.NOFOLLOW_LINKS) && isDead(info, now)) {
                    dead.add(info);
                }
            }
        }
        return dead;
    }

    private boolean isDead(Path info, Instant now) throws IOException {
        Instant written = Files.getLastModifiedTime(info, LinkOption.NOFOLLOW_LINKS).toInstant();
        if (written.plus(GRACE).isAfter(now)) {
            return false;
        }
        long pid;
        try {
            JsonNode json = new ObjectMapper().readTree(info.toFile());
            pid = json == null ? -1 : json.path("pid").asLong(-1);
        } catch (IOException unreadable) {
            return true; // a damaged server.json describes no live server
        }
        return pid <= 0 || inspector.identify(pid).isEmpty();
    }
}
