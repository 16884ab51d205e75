package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.model.Registry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks at a registry the way a fresh localdb process would, and at the files beside it. */
final class RegistryCheck {
    static final String TEMP_PREFIX = ".port-registry.json.tmp-";

    private RegistryCheck() {
    }

    static Path runtime(Path home) {
        return home.resolve("runtime");
    }

    static Path lockFile(Path home) {
        return runtime(home).resolve(".port-registry.lock");
    }

    /** A fresh store's read: it must parse without a single warning (no damage, no newer schema). */
    static Registry readWithoutWarnings(Path home) {
        List<String> warnings = new ArrayList<>();
        Registry registry = new JsonFileRegistryStore(runtime(home), warnings::add).read();
        assertThat(warnings).as("warnings of a fresh read of the registry").isEmpty();
        return registry;
    }

    /** Temporary files of writes in progress or of writers that died. */
    static List<String> tempFiles(Path home) throws IOException {
        if (!Files.isDirectory(runtime(home))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runtime(home))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(TEMP_PREFIX)).sorted().toList();
        }
    }

    /**
     * Whether another process holds the registry lock: this JVM's non-blocking attempt fails. This
     * JVM never holds that lock itself, so opening and closing a descriptor here drops nothing.
     */
    static boolean lockHeldByAnotherProcess(Path home) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile(home), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }
}
