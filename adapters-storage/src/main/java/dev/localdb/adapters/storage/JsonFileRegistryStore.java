package dev.localdb.adapters.storage;

import dev.localdb.adapters.storage.RegistryParser.Parsed;
import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction;
import dev.localdb.domain.port.RunningServers;
import dev.localdb.files.PrivateFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import static dev.localdb.adapters.storage.GuardedFile.REGISTRY;
import static dev.localdb.adapters.storage.StorageErrors.io;

/**
 * The registry as {@code <runtime>/.port-registry.json}, shared by every localdb process of the
 * user. Changes run under {@code <runtime>/.port-registry.lock} and replace the file atomically;
 * reads take no lock, because a rename means a reader sees the old or the new file, never half.
 * A damaged file is never silently taken as empty: a change sets it aside, rebuilds what the
 * running servers prove and says so; a read warns and leaves it alone.
 */
public final class JsonFileRegistryStore implements RegistryStore {
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final RegistryFiles files;
    private final RegistryLock lock;
    private final Consumer<String> warnings;
    private final RunningServers runningServers;
    private final LastKnownRegistry lastKnown = new LastKnownRegistry();
    private final RegistryEncoder encoder = new RegistryEncoder();
    // Written and read under the registry lock only.
    private boolean swept;

    /**
     * @param runtimeDir     where the registry lives; created (0700, with missing parents) on the first change
     * @param lockTimeout    how long a change waits for another one before giving up
     * @param warnings       receives one-line warnings, e.g. about a damaged registry
     * @param runningServers what a damaged registry is rebuilt from when a change sets it aside
     */
    public JsonFileRegistryStore(Path runtimeDir, Duration lockTimeout, Consumer<String> warnings, RunningServers runningServers) {
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("The lock timeout must not be negative: " + lockTimeout);
        }
        this.files = new RegistryFiles(runtimeDir);
        this.lock = new RegistryLock(files.lock(), lockTimeout);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.runningServers = Objects.requireNonNull(runningServers, "runningServers");
    }

    /** A store that starts a damaged registry afresh, with nothing rebuilt. */
    public JsonFileRegistryStore(Path runtimeDir, Duration lockTimeout, Consumer<String> warnings) {
        this(runtimeDir, lockTimeout, warnings, RunningServers.NONE);
    }

    public JsonFileRegistryStore(Path runtimeDir, Consumer<String> warnings) {
        this(runtimeDir, DEFAULT_LOCK_TIMEOUT, warnings);
    }

    @Override
    public <T> T update(RegistryTransaction<T> transaction) {
        Objects.requireNonNull(transaction, "transaction");
        prepareDirectory();
        RegistryJson.warmUp();
        try (HeldLock held = io(REGISTRY, "lock registry", files.lock(), lock::acquire)) {
            sweepLeftoversOnce();
            Registry current = loadForUpdate();
            RegistryTransaction.Outcome<T> outcome = transaction.apply(current);
            if (outcome == null || outcome.registry() == null) {
                throw new IllegalStateException("A registry transaction must return a registry (the one it was given for no change).");
            }
            if (!outcome.registry().equals(current)) {
                byte[] content = encoder.encode(outcome.registry());
                requireWithinLimit(content, outcome.registry());
                held.requireStillHeld();
                io(REGISTRY, "write registry", files.data(), () -> {
                    RegistryWrites.replace(files, content);
                    return null;
                });
                lastKnown.remember(content, outcome.registry());
            }
            return outcome.result();
        }
    }

    @Override
    public Registry read() {
        Optional<FileFacts> dir = io(REGISTRY, "inspect runtime directory", files.dir(), () -> FileFacts.of(files.dir()));
        if (dir.isEmpty()) {
            return Registry.EMPTY;
        }
        FileSafety.requireSafeDirectory(files.dir(), dir.get());
        io(REGISTRY, "inspect registry lock file", files.lock(), () -> FileFacts.of(files.lock()))
                .ifPresent(facts -> FileSafety.requireSafeFile(REGISTRY, "Registry lock file " + files.lock(), facts));
        try {
            Optional<byte[]> bytes = RegistryFileReader.read(files.data());
            if (bytes.isEmpty()) {
                return Registry.EMPTY;
            }
            return meaning(bytes.get(), this::readNewer);
        } catch (CorruptRegistryException e) {
            warn("Registry " + files.data() + " is damaged (" + e.reason() + "); the next change will set it aside as "
                    + RegistryFiles.CORRUPT_PREFIX + "<timestamp>.");
            return Registry.EMPTY;
        }
    }

    /**
     * A file over the limit would be taken for damage by the next read, and set aside with
     * everything in it: the change is refused instead, and the registry stays as it was.
     */
    private void requireWithinLimit(byte[] content, Registry next) {
        if (content.length > RegistryJson.MAX_BYTES) {
            throw new RegistryUnusableException("Registry " + files.data() + " would grow past 1 MiB with this change ("
                    + next.size() + " entries); nothing was changed. Forget projects you no longer use with"
                    + " 'localdb release --forget <project>' ('localdb ports' lists them).");
        }
    }

    /**
     * Deletes crash leftovers on this store's first change (under the lock), not on every one. A
     * crashed writer leaves at most one harmless temporary file, and every new localdb process
     * sweeps on its first change; listing the directory each time would mark it accessed
     * (relatime), and the next write's fsync would then have to write that too: ~47 µs of a
     * ~430 µs durable write here (docs/BENCHMARKS.md, issue #15), paid by long-lived stores (a test
     * JVM, the proxy, the embedded server) on every change.
     */
    private void sweepLeftoversOnce() {
        if (swept) {
            return;
        }
        io(REGISTRY, "clean up", files.dir(), () -> {
            RegistryWrites.deleteLeftovers(files);
            return null;
        });
        swept = true;
    }

    private void prepareDirectory() {
        Path dir = files.dir();
        Optional<FileFacts> facts = io(REGISTRY, "inspect runtime directory", dir, () -> FileFacts.of(dir));
        if (facts.isEmpty()) {
            facts = io(REGISTRY, "create runtime directory", dir, () -> {
                PrivateFiles.createDirectories(dir);
                return FileFacts.of(dir);
            });
        }
        FileSafety.requireSafeDirectory(dir, facts.orElseThrow(
                () -> new RegistryUnusableException("Runtime directory " + dir + " disappeared while it was being created; try again.")));
    }

    private Registry loadForUpdate() {
        try {
            Optional<byte[]> bytes = RegistryFileReader.read(files.data());
            if (bytes.isEmpty()) {
                return Registry.EMPTY;
            }
            return meaning(bytes.get(), newer -> {
                throw new RegistryUnusableException("Registry " + files.data() + " was written by a newer localdb (schema "
                        + newer.schemaVersion() + "); upgrade localdb — it will not be overwritten.");
            });
        } catch (CorruptRegistryException e) {
            return DamagedRegistry.setAsideAndRebuild(files, e.reason(), runningServers, this::warn);
        }
    }

    /**
     * What the file's bytes mean: the registry remembered with them when they are the bytes this
     * store last read or wrote ({@link LastKnownRegistry}), else parsed, and then remembered.
     */
    private Registry meaning(byte[] bytes, Function<Parsed, Registry> ofNewerSchema) throws CorruptRegistryException {
        Optional<Registry> unchanged = lastKnown.ifUnchanged(bytes);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        Parsed parsed = RegistryParser.parse(bytes);
        if (parsed.schemaVersion() > RegistryJson.SCHEMA_VERSION) {
            return ofNewerSchema.apply(parsed);
        }
        Registry registry = RegistryParser.toRegistry(parsed);
        lastKnown.remember(bytes, registry);
        return registry;
    }

    /** Fields a newer version added are ignored; what this version knows is shown, never written back. */
    private Registry readNewer(Parsed parsed) {
        String newer = "Registry " + files.data() + " was written by a newer localdb (schema " + parsed.schemaVersion() + ")";
        try {
            Registry registry = RegistryParser.toRegistry(parsed);
            warn(newer + "; showing what this version understands. Upgrade localdb to change it.");
            return registry;
        } catch (CorruptRegistryException e) {
            warn(newer + " and this version cannot read it (" + e.reason() + "); upgrade localdb.");
            return Registry.EMPTY;
        }
    }

    private void warn(String message) {
        warnings.accept(StorageErrors.oneLine(message));
    }
}
