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
 * One release (`localdb release <project>`): lock, read, mark the project's port released but
 * remembered, one durable write. Before each call (not measured) a new project reserves a port;
 * after it (not measured) the project is forgotten, so every call sees the same registry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = Workbench.TRANSACTION_WARMUP_ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReleaseBenchmark {
    static final int FIRST_PORT = 26_000;
    static final int LAST_PORT = 27_999;

    @Param({"0", "1000"})
    public int registrySize;

    private Workbench bench;
    private int calls;
    private ProjectName project;

    @Setup(Level.Trial)
    public void seed() {
        bench = Workbench.create(Workbench.range(FIRST_PORT, LAST_PORT),
                Seeds.reservedAndReleased(registrySize, FIRST_PORT, Instant.now()));
    }

    @Setup(Level.Invocation)
    public void reserveAPort() {
        project = Seeds.project("rel", calls++ % 100_000);
        bench.allocator().allocate(AllocationRequest.reservation(project));
    }

    @Benchmark
    public int release() {
        return bench.allocator().release(project).orElseThrow().port().value();
    }

    @TearDown(Level.Invocation)
    public void forgetProject() {
        bench.forget(project);
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }
}
