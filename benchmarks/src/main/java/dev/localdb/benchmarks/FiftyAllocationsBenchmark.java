package dev.localdb.benchmarks;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 50 new projects get their ports one after another in one process, starting from an empty
 * registry: 50 transactions, 50 durable writes, the registry growing from 0 to 50 entries. One
 * measurement is the total time of all 50 (single shot); the registry is emptied before each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
public class FiftyAllocationsBenchmark {
    static final int PROJECTS = 50;
    static final int FIRST_PORT = 31_000;
    static final int LAST_PORT = 31_999;

    private final List<ProjectName> projects = new ArrayList<>();
    private Workbench bench;

    @Setup(Level.Trial)
    public void createHome() {
        bench = Workbench.create(Workbench.range(FIRST_PORT, LAST_PORT));
        for (int i = 0; i < PROJECTS; i++) {
            projects.add(Seeds.project("app", i));
        }
    }

    @Setup(Level.Iteration)
    public void emptyRegistry() {
        bench.replaceRegistry(Registry.EMPTY);
    }

    /** Returns the last port handed out (31049 when the block is free). */
    @Benchmark
    public int allocateFiftyProjects() {
        int last = 0;
        for (ProjectName project : projects) {
            last = bench.allocator().allocate(AllocationRequest.reservation(project)).allocation().port().value();
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }
}
