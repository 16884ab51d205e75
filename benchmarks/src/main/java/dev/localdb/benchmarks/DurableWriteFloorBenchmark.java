package dev.localdb.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The machine's floor for one durable registry write, to read the other figures against: the
 * steps the store takes to publish a registry (a new 0600 file, write, force to disk, atomic
 * rename over the old one, force the directory), with no lock, no JSON and no allocation rules.
 * The sizes are those of the registry files of the allocation benchmark: about 100 bytes empty,
 * 160 KiB with 1,000 entries and 800 KiB with 5,000 (about 163 bytes an entry).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = Workbench.TRANSACTION_WARMUP_ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
public class DurableWriteFloorBenchmark {
    @Param({"100", "163000", "815000"})
    public int bytes;

    private Path dir;
    private Path target;
    private Path temp;
    private byte[] content;

    @Setup(Level.Trial)
    public void createDirectory() throws IOException {
        dir = Files.createTempDirectory("localdb-bench-fsync-");
        target = dir.resolve("data.json");
        temp = dir.resolve("data.json.tmp");
        content = new byte[bytes];
        Arrays.fill(content, (byte) ' ');
    }

    @Benchmark
    public long durableReplace() throws IOException {
        try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
        return content.length;
    }

    @TearDown(Level.Trial)
    public void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
