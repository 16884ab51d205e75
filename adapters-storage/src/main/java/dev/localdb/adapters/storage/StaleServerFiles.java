package dev.localdb.adapters.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
public final class StaleServerFiles {
    static final Duration GRACE = Duration.ofSeconds(10);
    private final Path projects;
    private final ProcessInspector inspector;

    public StaleServerFiles(Path projects, ProcessInspector inspector) {
        this.projects = projects;
        this.inspector = inspector;
    }

    /** How many files were removed. */
    public int removeDead(Instant now) throws IOException {
        List<Path> dead = findDead(now);
        for (Path info : dead) {
            Files.deleteIfExists(info);
        }
        return dead.size();
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
