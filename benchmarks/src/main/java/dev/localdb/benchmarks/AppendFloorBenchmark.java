package dev.localdb.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
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
 * Not something localdb does: the floor of the design it did not choose, to read
 * {@link DurableWriteFloorBenchmark} against. A write-ahead journal would make each allocation
 * durable by appending one entry-sized record (200 bytes) to a log and flushing its data
 * ({@code force(false)}, fdatasync), instead of replacing the whole registry file (docs/BENCHMARKS.md,
 * "Why not a journal").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = Workbench.TRANSACTION_WARMUP_ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
public class AppendFloorBenchmark {
    static final int RECORD_BYTES = 200;

    private Path log;
    private FileChannel channel;
    private final byte[] record = new byte[RECORD_BYTES];

    @Setup(Level.Trial)
    public void openLog() throws IOException {
        log = Files.createTempFile("localdb-bench-append-", ".log");
        channel = FileChannel.open(log, EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        Arrays.fill(record, (byte) ' ');
        record[RECORD_BYTES - 1] = '\n';
    }

    @Benchmark
    public long appendAndFlush() throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        return channel.size();
    }

    @TearDown(Level.Trial)
    public void deleteLog() throws IOException {
        channel.close();
        Files.deleteIfExists(log);
    }
}
