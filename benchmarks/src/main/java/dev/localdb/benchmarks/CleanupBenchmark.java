package dev.localdb.benchmarks;

import dev.localdb.domain.model.Registry;
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
 * One cleanup over {@code entries} registry entries, half of them held by processes that have
 * exited (real processes, started and killed during set-up); the other half alternate between
 * reserved and released. Each call checks every owner in /proc, turns the stale half into
 * remembered ports and writes once. The registry is written back (not measured) before each call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CleanupBenchmark {
    static final int FIRST_PORT = 28_000;

    @Param({"1000"})
    public int entries;

    private Workbench bench;
    private Registry withStaleHalf;

    @Setup(Level.Trial)
    public void createDeadOwners() {
        bench = Workbench.create(Workbench.range(FIRST_PORT, FIRST_PORT + entries - 1));
        try {
            withStaleHalf = Seeds.withStaleOwners(entries, FIRST_PORT, DeadProcesses.identities(entries / 2, bench.inspector()),
                    Instant.now());
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    @Setup(Level.Invocation)
    public void restoreStaleEntries() {
        bench.replaceRegistry(withStaleHalf);
    }

    @Benchmark
    public int cleanup() {
        int cleaned = bench.allocator().cleanup();
        if (cleaned != entries / 2) {
            throw new IllegalStateException("Cleanup released " + cleaned + " entries, expected " + entries / 2);
        }
        return cleaned;
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }
}
