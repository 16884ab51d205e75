package dev.localdb.benchmarks;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The "no free port" error over 7,000 ports (as many as the default ranges): time from the call
 * to {@link NoFreePortException}. Nothing is written, so every call sees the same state.
 * <ul>
 *   <li>{@code host}: every port has a real listening socket of another program; the registry is
 *       empty, so each of the 7,000 ports costs one bind check.</li>
 *   <li>{@code mixed}: the first 5,000 ports are held by other projects in the registry (no bind
 *       needed, but a 5,000-entry registry to read) and the last 2,000 have real listeners.</li>
 * </ul>
 * All 7,000 held in the registry alone is not a state the store accepts: at about 150 bytes an
 * entry, a 7,000-entry registry is over the registry file's 1 MiB limit (docs/REGISTRY_FORMAT.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExhaustionBenchmark {
    static final int PORTS = 7_000;
    static final int FIRST_PORT = 22_000;
    static final int LAST_PORT = FIRST_PORT + PORTS - 1;
    static final int HELD_IN_REGISTRY_WHEN_MIXED = 5_000;
    private static final ProjectName LATECOMER = ProjectName.of("latecomer");

    @Param({"host", "mixed"})
    public String heldBy;

    private Workbench bench;
    private ListeningSockets busy;

    @Setup(Level.Trial)
    public void takeEveryPort() {
        Instant now = Instant.now();
        int heldInRegistry = switch (heldBy) {
            case "host" -> 0;
            case "mixed" -> HELD_IN_REGISTRY_WHEN_MIXED;
            default -> throw new IllegalArgumentException("heldBy must be 'host' or 'mixed', not " + heldBy);
        };
        busy = ListeningSockets.occupy(FIRST_PORT + heldInRegistry, PORTS - heldInRegistry);
        try {
            Registry registry = heldInRegistry == 0 ? new Registry(Map.of(), Optional.of(now))
                    : Seeds.reserved(heldInRegistry, FIRST_PORT, now);
            bench = Workbench.create(Workbench.range(FIRST_PORT, LAST_PORT), registry);
        } catch (RuntimeException e) {
            busy.close();
            throw e;
        }
    }

    @Benchmark
    public NoFreePortException allocateWhenNothingIsFree() {
        try {
            int port = bench.allocator().allocate(AllocationRequest.reservation(LATECOMER)).allocation().port().value();
            throw new IllegalStateException("Port " + port + " was handed out although all " + PORTS + " ports are taken");
        } catch (NoFreePortException expected) {
            return expected;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            bench.close();
        } finally {
            busy.close();
        }
    }
}
