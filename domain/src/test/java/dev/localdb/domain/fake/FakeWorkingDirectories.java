package dev.localdb.domain.fake;

import dev.localdb.domain.port.WorkingDirectories;
import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Directories that exist because a test said so, each with the package.json the test gave it. */
public final class FakeWorkingDirectories implements WorkingDirectories {
    private final Set<String> directories = new HashSet<>();
    private final Map<String, PackageScripts> packageJsons = new HashMap<>();

    /** Makes {@code path} (absolute, normalised) an existing directory. */
    public synchronized String add(String path) {
        directories.add(path);
        return path;
    }

    public synchronized void packageJson(String directory, Optional<String> devScript, PackageManager manager) {
        add(directory);
        packageJsons.put(directory, new PackageScripts(devScript, manager));
    }

    @Override
    public synchronized Optional<String> existing(String given) {
        return directories.contains(given) ? Optional.of(given) : Optional.empty();
    }

    @Override
    public synchronized Optional<PackageScripts> packageJson(String directory) {
        return Optional.ofNullable(packageJsons.get(directory));
    }
}
