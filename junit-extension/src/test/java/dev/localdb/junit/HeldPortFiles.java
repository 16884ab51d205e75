package dev.localdb.junit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How child JVMs report the ports they hold: one file {@code <pid>.ports} each, written whole
 * (atomic rename) once every port is bound, and used as a barrier: a child keeps its ports until
 * every expected child has written its file, so all the ports reported were held at one moment.
 */
final class HeldPortFiles {
    private static final String SUFFIX = ".ports";

    private HeldPortFiles() {
    }

    static void publish(Path dir, long pid, List<Integer> ports) throws IOException {
        Path temporary = dir.resolve(pid + ".tmp");
        Files.writeString(temporary, ports.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        Files.move(temporary, dir.resolve(pid + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until {@code count} children published; the deadline only keeps a broken run from hanging. */
    static void awaitPublished(Path dir, int count, Duration deadline) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (read(dir).size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Only " + read(dir).size() + " of " + count + " JVMs held their ports within " + deadline);
            }
            Thread.sleep(20);
        }
    }

    /** The ports each child published, by its PID. */
    static Map<Long, List<Integer>> read(Path dir) throws IOException {
        Map<Long, List<Integer>> byPid = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                List<Integer> ports = new ArrayList<>();
                Arrays.stream(Files.readString(file).trim().split(" ")).map(Integer::valueOf).forEach(ports::add);
                byPid.put(Long.valueOf(name.substring(0, name.length() - SUFFIX.length())), ports);
            }
        }
        return byPid;
    }
}
