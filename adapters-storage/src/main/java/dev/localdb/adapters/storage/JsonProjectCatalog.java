package dev.localdb.adapters.storage;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Projects as folders under {@code $LOCALDB_HOME/projects}: {@code <name>/project.json} and
 * {@code <name>/data/}. A project appears all at once: it is assembled in a hidden staging folder
 * and renamed into place, and that rename is the atomic claim on the name, so of two processes
 * creating the same project one wins and the other is told it exists; nobody ever sees half a
 * project. Damaged project files fail {@link #find} with a message naming the file, and are
 * skipped by {@link #list} with a warning, so one bad folder does not hide every other project.
 * A removed project's data is moved to {@code $LOCALDB_HOME/removed/<name>/<UTC time>/}, next to
 * the projects root, so that a new project of the same name starts with no data, and the folder
 * itself is renamed to a hidden name before it is deleted, so that it too disappears at once.
 */
public final class JsonProjectCatalog implements ProjectCatalog {
    static final String CONFIG_FILE = "project.json";
    static final String DATA_DIR = "data";
    static final String REMOVED_DIR = "removed";
    private static final java.time.format.DateTimeFormatter REMOVAL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Path root;
    private final Consumer<String> warnings;

    /**
     * @param projectsRoot {@code $LOCALDB_HOME/projects}; created (0700) by the first {@link #create}
     * @param warnings     receives one line per damaged project folder that {@link #list} skips
     */
    public JsonProjectCatalog(Path projectsRoot, Consumer<String> warnings) {
        this.root = Objects.requireNonNull(projectsRoot, "projectsRoot").toAbsolutePath().normalize();
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public ProjectConfig create(ProjectConfig config) {
        Path target = folderOf(config.name());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw ProjectErrors.exists(config.name());
        }
        Path staging = null;
        requireTrustedParents();
        try {
            PrivateFiles.createDirectories(root);
            staging = ProjectFiles.createStagingDirectory(root, config.name().value());
            PrivateFiles.writeNew(staging.resolve(CONFIG_FILE), ProjectJson.encode(config));
            PrivateFiles.createDirectory(staging.resolve(DATA_DIR));
            if (!ProjectFiles.publish(staging, target)) {
                throw ProjectErrors.exists(config.name());
            }
            return config;
        } catch (IOException e) {
            throw ProjectErrors.unusable("create project folder", target, e);
        } finally {
            if (staging != null) {
                ProjectFiles.deleteQuietly(staging);
            }
        }
    }

    @Override
    public Optional<ProjectConfig> find(ProjectName name) {
        Path folder = folderOf(name);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(read(name, folder));
    }

    @Override
    public List<ProjectConfig> list() {
        List<ProjectConfig> projects = new ArrayList<>();
        requireTrustedParents();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                readForListing(folder).ifPresent(projects::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw ProjectErrors.unusable("list the projects in", root, e);
        }
        projects.sort(Comparator.comparing(ProjectConfig::name));
        return List.copyOf(projects);
    }

    private Optional<ProjectConfig> readForListing(Path folder) {
        String entry = folder.getFileName().toString();
        if (entry.startsWith(".")) {
            return Optional.empty(); // staging folders of a create in progress (or interrupted), hidden files
        }
        ProjectName name;
        try {
            name = ProjectName.of(entry);
        } catch (InvalidInputException notAProjectName) {
            warnings.accept(ProjectErrors.oneLine("Skipping " + folder + ": not a project folder (its name is not a valid"
                    + " project name); move it out of " + root + "."));
            return Optional.empty();
        }
        try {
            return Optional.of(read(name, folder));
        } catch (InvalidInputException | StateUnusableException e) {
            warnings.accept("Skipping project \"" + name + "\": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ProjectConfig update(ProjectConfig config) {
        Path folder = folderOf(config.name());
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw ProjectErrors.missing(config.name());
        }
        Path file = folder.resolve(CONFIG_FILE);
        try {
            PrivateFiles.replace(file, ProjectJson.encode(config));
            return config;
        } catch (IOException e) {
            throw ProjectErrors.unusable("write project file", file, e);
        }
    }

    @Override
    public Optional<Removal> remove(ProjectName name, boolean purgeData) {
        Path folder = folderOf(name);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        ProjectConfig config = read(name, folder);
        boolean hadData = holdsData(name, folder.resolve(DATA_DIR));
        Optional<String> kept = purgeData || !hadData ? Optional.empty() : keepData(name, folder.resolve(DATA_DIR));
        Path hidden;
        try {
            hidden = ProjectFiles.hide(folder, name.value());
        } catch (IOException e) {
            throw ProjectErrors.unusable("remove project folder", folder, e);
        }
        try {
            ProjectFiles.deleteTree(hidden);
        } catch (IOException e) {
            // Hidden already: no command sees the project any more, only the disk space is not back yet.
            throw ProjectErrors.unusable("delete what is left of project " + name + " in", hidden, e);
        }
        return Optional.of(new Removal(config, kept, hadData));
    }

    @Override
    public Optional<String> keptData(ProjectName name) {
        Path kept = removedRoot().resolve(name.value());
        try (DirectoryStream<Path> removals = Files.newDirectoryStream(kept)) {
            return removals.iterator().hasNext() ? Optional.of(kept.toString()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // none kept (or not readable, which says nothing worth failing for)
        }
    }

    /** Moves a data folder with files in it to {@code removed/<name>/<time>}; one without any is not kept. */
    /** Empty folders are no data: a server that never wrote a document leaves nothing to keep. */
    private static boolean holdsData(ProjectName name, Path data) {
        try {
            return Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS) && !ProjectFiles.holdsNoFiles(data);
        } catch (IOException e) {
            throw ProjectErrors.unusable("look at the data of project " + name + " in", data, e);
        }
    }

    private Optional<String> keepData(ProjectName name, Path data) {
        try {
            Path byName = removedRoot().resolve(name.value());
            PrivateFiles.createDirectories(byName);
            String time = REMOVAL_TIME.format(java.time.Instant.now());
            Path target = byName.resolve(time);
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
                target = byName.resolve(time + "-" + n); // removed twice within a second
            }
            Files.move(data, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(target.toString());
        } catch (IOException e) {
            throw ProjectErrors.unusable("keep the data of project " + name + " from", data, e);
        }
    }

    private Path removedRoot() {
        return root.resolveSibling(REMOVED_DIR);
    }

    private ProjectConfig read(ProjectName name, Path folder) {
        Path file = folder.resolve(CONFIG_FILE);
        requireTrustedParents();
        ProjectTrust.requireDirectory("Project folder", folder);
        ProjectTrust.requireDirectory("Data folder", folder.resolve(DATA_DIR));
        ProjectTrust.requireFile("Project file", file);
        byte[] json;
        try {
            if (!ProjectFiles.isRegularFile(file)) {
                throw ProjectErrors.damaged(name, file, "it is not a regular file");
            }
            json = ProjectFiles.readSmallFile(file, MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw ProjectErrors.damaged(name, file, "it is missing");
        } catch (ProjectFiles.TooLarge e) {
            throw ProjectErrors.damaged(name, file, "it is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
        } catch (IOException e) {
            throw ProjectErrors.unusable("read project file", file, e);
        }
        try {
            return ProjectJson.decode(json, name);
        } catch (ProjectJson.Damaged e) {
            throw ProjectErrors.damaged(name, file, e.getMessage());
        }
    }

    /** The home (the folder that holds {@code projects/}) and {@code projects/} itself: a project is only as safe as they are. */
    private void requireTrustedParents() {
        Path home = root.getParent();
        if (home != null) {
            ProjectTrust.requireDirectory("LocalDB home", home);
        }
        ProjectTrust.requireDirectory("Projects folder", root);
    }

    private Path folderOf(ProjectName name) {
        // A ProjectName has no separators and no leading dot, so this stays directly under the root.
        return root.resolve(name.value());
    }

}
