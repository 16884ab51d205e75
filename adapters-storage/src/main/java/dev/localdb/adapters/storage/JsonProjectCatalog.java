package dev.localdb.adapters.storage;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectCatalog;
import dev.localdb.domain.project.ProjectConfig;
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
 */
public final class JsonProjectCatalog implements ProjectCatalog {
    static final String CONFIG_FILE = "project.json";
    static final String DATA_DIR = "data";
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
            ProjectFiles.createPrivateDirectories(root);
            staging = ProjectFiles.createStagingDirectory(root, config.name().value());
            ProjectFiles.writeNewPrivateFile(staging.resolve(CONFIG_FILE), ProjectJson.encode(config));
            ProjectFiles.createPrivateDirectory(staging.resolve(DATA_DIR));
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
        } catch (InvalidInputException | RegistryUnusableException e) {
            warnings.accept("Skipping project \"" + name + "\": " + e.getMessage());
            return Optional.empty();
        }
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
