package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.WorkingDirectoriesContract;
import dev.localdb.domain.port.WorkingDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Working directories on disk, with real package.json and lock files. */
class FileSystemWorkingDirectoriesContractTest extends WorkingDirectoriesContract {
    @TempDir
    Path root;

    @Override
    protected WorkingDirectories directories() {
        return new FileSystemWorkingDirectories();
    }

    @Override
    protected String newDirectory(String name) {
        try {
            return Files.createDirectory(root.resolve(name)).toAbsolutePath().normalize().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void packageJson(String directory, Optional<String> devScript, Optional<String> lockFile) {
        String scripts = devScript.map(script -> "\"dev\": \"" + script + "\", ").orElse("") + "\"build\": \"vite build\"";
        try {
            Files.writeString(Path.of(directory, "package.json"), "{\"name\": \"app\", \"scripts\": {" + scripts + "}}");
            if (lockFile.isPresent()) {
                Files.writeString(Path.of(directory, lockFile.get()), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDirectoryIsMadeAbsoluteAndNormalised() {
        String app = newDirectory("app");
        assertThat(directories().existing(app + "/./sub/..")).contains(app);
    }

    @Test
    void aFileIsNoDirectory() throws IOException {
        Path file = Files.writeString(root.resolve("file.txt"), "");
        assertThat(directories().existing(file.toString())).isEmpty();
    }
}
