package dev.localdb.benchmarks;

import dev.localdb.domain.allocation.AllocationRequest;
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
 * One allocation of a new project when the first {@code busyPorts} ports of the range have real
 * listening sockets on them (other programs, unknown to the registry): the allocator checks each
 * of them with a bind before it reaches the first free port. The registry is otherwise empty; the
 * new project is forgotten after each call (not measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BusyPortsBenchmark {
    static final int FIRST_PORT = 29_000;
    static final int LAST_PORT = 30_999;

    @Param({"0", "100", "1000"})
    public int busyPorts;

    private Workbench bench;
    private ListeningSockets busy;
    private int calls;
    private ProjectName fresh;

    @Setup(Level.Trial)
    public void occupyPorts() {
        busy = ListeningSockets.occupy(FIRST_PORT, busyPorts);
        try {
            bench = Workbench.create(Workbench.range(FIRST_PORT, LAST_PORT), new Registry(Map.of(), Optional.of(Instant.now())));
        } catch (RuntimeException e) {
            busy.close();
            throw e;
        }
    }

    @Setup(Level.Invocation)
    public void nameNewProject() {
        fresh = Seeds.project("new", calls++ % 100_000);
    }

    @Benchmark
    public int allocatePastBusyPorts() {
        return bench.allocator().allocate(AllocationRequest.reservation(fresh)).allocation().port().value();
    }

    @TearDown(Level.Invocation)
    public void forgetNewProject() {
        bench.forget(fresh);
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
