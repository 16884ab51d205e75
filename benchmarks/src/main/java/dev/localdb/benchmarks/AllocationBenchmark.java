package dev.localdb.benchmarks;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.model.ProjectName;
import java.time.Instant;
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
 * One allocation of a new project (`localdb port <new project>`) with a registry of
 * {@code registrySize} entries on the first ports of the range: a lock, a read of the registry,
 * the rules (the new project skips every seeded port, then one real bind check), and one durable
 * write. The new project is forgotten after each call, outside the measurement, so every call
 * sees the same registry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = Workbench.TRANSACTION_WARMUP_ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocationBenchmark {
    static final int FIRST_PORT = 20_000;
    static final int LAST_PORT = 25_999;

    @Param({"0", "100", "1000", "5000"})
    public int registrySize;

    private Workbench bench;
    private int calls;
    private ProjectName fresh;

    @Setup(Level.Trial)
    public void seed() {
        bench = Workbench.create(Workbench.range(FIRST_PORT, LAST_PORT),
                Seeds.reservedAndReleased(registrySize, FIRST_PORT, Instant.now()));
    }

    @Setup(Level.Invocation)
    public void nameNewProject() {
        fresh = Seeds.project("new", calls++ % 100_000);
    }

    @Benchmark
    public int allocateNewProject() {
        return bench.allocator().allocate(AllocationRequest.reservation(fresh)).allocation().port().value();
    }

    @TearDown(Level.Invocation)
    public void forgetNewProject() {
        bench.forget(fresh);
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }
}
