package dev.localdb.adapters.storage;

import dev.localdb.domain.port.WorkingDirectories;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Working directories on this machine's file system; their package.json is read by {@link PackageJson}. */
public final class FileSystemWorkingDirectories implements WorkingDirectories {

    @Override
    public Optional<String> existing(String given) {
        Path path;
        try {
            path = Path.of(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.empty(); // e.g. a NUL character: no such directory can exist
        }
        return Files.isDirectory(path) ? Optional.of(path.toString()) : Optional.empty();
    }

    @Override
    public Optional<PackageScripts> packageJson(String directory) {
        return PackageJson.in(Path.of(directory)).map(json -> new PackageScripts(json.devScript(), json.manager()));
    }
}
