package dev.localdb.benchmarks;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real thing, as the CLI wires it: the JSON registry (lock, fsync'd atomic replace) in a
 * private temporary runtime directory, the socket probe and the /proc process inspector. The
 * temporary directory is on the same file system as the user's home on the machines we measure,
 * so each write costs what a real one costs. Benchmarks run one at a time, so their port blocks
 * (all below the ephemeral range, which starts at 32768 on Linux) may overlap between benchmarks.
 */
public final class Workbench implements AutoCloseable {
    /**
     * Warm-up iterations (of 1 s) for a benchmark whose call is one registry transaction, and for
     * the floors such a benchmark is read against. At about a thousand transactions a second, the
     * JIT compiles a transaction's code with C2 only after 8-15 s ({@code -XX:+PrintCompilation});
     * after 3 s the measurement timed code still being compiled, 8-19 % slower at 0 entries
     * (docs/BENCHMARKS.md, issue #15, fifth steps). The floors get the same warm-up so that a ratio
     * compares like with like.
     */
    public static final int TRANSACTION_WARMUP_ITERATIONS = 15;

    private final Path home;
    private final RegistryStore store;
    private final ProcFsProcessInspector inspector;
    private final PortAllocator allocator;

    private Workbench(Path home, AllocationSettings settings) {
        this.home = home;
        this.store = new JsonFileRegistryStore(new LocalDbHome(home).runtime(), Duration.ofSeconds(10), Workbench::failOnWarning);
        this.inspector = new ProcFsProcessInspector();
        this.allocator = new PortAllocator(store, new SocketPortProbe(), inspector, Clock.systemUTC(), settings);
    }

    /** A fresh temporary home (created 0700 by the JDK) with the given allocation settings. */
    public static Workbench create(AllocationSettings settings) {
        try {
            return new Workbench(Files.createTempDirectory("localdb-bench-"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary home for the benchmark", e);
        }
    }

    /** A fresh temporary home whose registry starts as {@code initial}; nothing is left behind if that fails. */
    public static Workbench create(AllocationSettings settings, Registry initial) {
        Workbench bench = create(settings);
        try {
            bench.replaceRegistry(initial);
            return bench;
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    /** One range, its first port preferred, no exclusions, cleanup at most hourly (the default). */
    public static AllocationSettings range(int first, int last) {
        return new AllocationSettings(List.of(PortRange.of(first, last)), PortNumber.of(first), Set.of(), Duration.ofHours(1));
    }

    public PortAllocator allocator() {
        return allocator;
    }

    public ProcFsProcessInspector inspector() {
        return inspector;
    }

    public Registry registry() {
        return store.read();
    }

    /** Writes this registry as the whole content of the store (one durable write). */
    public void replaceRegistry(Registry registry) {
        store.update(current -> new Outcome<>(registry, null));
    }

    /** Drops a project from the registry, so the next allocation of a new project sees the same registry. */
    public void forget(ProjectName project) {
        store.update(current -> new Outcome<>(current.without(project), null));
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark home " + home, e);
        }
    }

    /** A warning means the registry was damaged or unreadable: the figures would be meaningless. */
    private static void failOnWarning(String warning) {
        throw new IllegalStateException("Unexpected registry warning during a benchmark: " + warning);
    }
}
