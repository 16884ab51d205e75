package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A store in a temporary home, the warnings it gave, and helpers to look at its files. */
final class StoreFixture {
    final Path runtime;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final JsonFileRegistryStore store;

    StoreFixture(Path home) {
        this(home, JsonFileRegistryStore.DEFAULT_LOCK_TIMEOUT);
    }

    StoreFixture(Path home, Duration lockTimeout) {
        this.runtime = home.resolve("localdb-home").resolve("run");
        this.store = new JsonFileRegistryStore(runtime, lockTimeout, warnings::add);
    }

    Path data() {
        return runtime.resolve(".port-registry.json");
    }

    Path lock() {
        return runtime.resolve(".port-registry.lock");
    }

    /** Adds a reservation for the project; returns the registry it published. */
    Registry add(String project, int port) {
        Allocation allocation = Allocation.held(ProjectName.of(project), PortNumber.of(port), Optional.empty(),
                Instant.parse("2025-01-02T03:04:05Z"));
        return store.update(current -> new Outcome<>(current.with(allocation), current.with(allocation)));
    }

    /** Writes the registry file as the store would: in a 0700 runtime directory, created 0600. */
    void writeRegistry(byte[] content) throws IOException {
        Files.createDirectories(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.deleteIfExists(data());
        Files.createFile(data(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(data(), content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    List<Path> filesStartingWith(String prefix) throws IOException {
        try (Stream<Path> listing = Files.list(runtime)) {
            return listing.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    static Object inode(Path path) throws IOException {
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** A registry with every kind of entry, as the real store writes it. */
    static Registry sample() {
        return Registry.of(List.of(
                Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.of(new ProcessIdentity(12345, 987654, "6f1c-boot")),
                        Instant.parse("2025-01-02T03:04:05.678Z")),
                new Allocation(ProjectName.of("api"), PortNumber.of(3001), AllocationState.RELEASED, Optional.empty(),
                        Instant.parse("2025-01-02T03:04:05Z")),
                Allocation.held(ProjectName.of("docs"), PortNumber.of(3002), Optional.empty(), Instant.parse("2025-01-03T00:00:00.000000001Z"))),
                Optional.of(Instant.parse("2025-01-02T03:00:00Z")));
    }
}
