package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.RegistryStoreContract;
import dev.localdb.domain.port.RegistryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The real store keeps every promise of the contract, with real files and real locks. */
class JsonFileRegistryStoreContractTest extends RegistryStoreContract {
    @TempDir
    Path home;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /**
     * The contract is about correctness, not speed: 64 threads queue for one lock, and a slow
     * disk (two fsyncs per write) must not turn that into a timeout.
     */
    private static final Duration PATIENT = Duration.ofMinutes(1);

    private Path runtime() {
        return home.resolve("run");
    }

    @Override
    protected RegistryStore newStore() {
        return new JsonFileRegistryStore(runtime(), PATIENT, warnings::add);
    }

    /** A separate instance over the same directory, as another command (or process) would have. */
    @Override
    protected RegistryStore reopen(RegistryStore store) {
        return new JsonFileRegistryStore(runtime(), PATIENT, warnings::add);
    }

    /**
     * Name, bytes, inode and modification time of every file but the lock (whose holder PID is
     * rewritten on every transaction): an atomic replace changes the inode even for equal bytes.
     */
    @Override
    protected Object storageFingerprint(RegistryStore store) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(runtime())) {
            return files;
        }
        try (Stream<Path> listing = Files.list(runtime())) {
            for (Path file : listing.filter(f -> !f.getFileName().toString().equals(RegistryFiles.LOCK)).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                files.put(file.getFileName().toString(), attributes.fileKey() + " " + attributes.lastModifiedTime()
                        + " " + new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @AfterEach
    void noWarnings() {
        assertThat(warnings).isEmpty();
    }
}
