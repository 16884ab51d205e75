package dev.localdb.adapters.storage;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where localdb keeps its files: {@code $LOCALDB_HOME}, else {@code ~/.localdb}. The one owner of
 * the home's layout, used by both composition roots (the cli and the JUnit extension), so they
 * cannot drift apart. Project names cannot contain separators, so every path built here stays
 * inside the home.
 */
public record LocalDbHome(Path root) {
    public static final String ENV = "LOCALDB_HOME";
    /** The home when {@link #ENV} is not set, inside the user's home directory. */
    public static final String DEFAULT_FOLDER = ".localdb";

    /** The default home of the user whose home directory this is. */
    public static LocalDbHome inUserHome(String userHome) {
        return new LocalDbHome(Path.of(userHome, DEFAULT_FOLDER));
    }

    public static LocalDbHome from(Map<String, String> env, String userHome) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            Path path;
            try {
                path = Path.of(configured);
            } catch (InvalidPathException e) {
                // e.g. characters the file system's encoding cannot hold (non-ASCII under LANG=C)
                throw new InvalidInputException(ENV + "=\"" + Printable.of(configured) + "\" is not a path this system can use ("
                        + Printable.of(e.getReason()) + "); set it to another absolute path.");
            }
            if (!path.isAbsolute()) {
                throw new InvalidInputException(ENV + " must be an absolute path, not \"" + Printable.of(configured) + "\".");
            }
            return new LocalDbHome(path.normalize());
        }
        return inUserHome(userHome);
    }

    /** The user's settings file (docs/CONFIG.md); it may not exist. */
    public Path configFile() {
        return root.resolve(ConfigFile.NAME);
    }

    public Path runtime() {
        return root.resolve("runtime");
    }

    public Path projects() {
        return root.resolve("projects");
    }

    public Path project(ProjectName name) {
        return projects().resolve(name.value());
    }

    /** The file a project's embedded server writes while it listens (see {@link RunningServerFiles}). */
    public Path serverFile(ProjectName name) {
        return RunningServerFiles.in(project(name));
    }
}
