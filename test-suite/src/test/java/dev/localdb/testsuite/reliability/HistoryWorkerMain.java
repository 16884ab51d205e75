package dev.localdb.testsuite.reliability;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProjectName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Run in a child process of the history check: for a fixed time, random reserve / release / list /
 * cleanup on a shared pool of projects, with the real store, probe and process inspector. Every
 * transaction is observed from inside the critical section (see {@link ObservedStore}); each
 * result is logged as acknowledged only after the store returned it.
 *
 * <p>It starts when it reads "go" on stdin. Arguments: runtime directory, shared log file, worker number, milliseconds to run, first and
 * last port of the range, random seed, number of projects in the pool.
 */
public final class HistoryWorkerMain {
    private HistoryWorkerMain() {
    }

    static AllocationSettings settings(int firstPort, int lastPort) {
        return new AllocationSettings(List.of(PortRange.of(firstPort, lastPort)), PortNumber.of(firstPort), Set.of(), Duration.ofHours(1));
    }

    public static void main(String[] args) throws Exception {
        Path runtime = Path.of(args[0]);
        int worker = Integer.parseInt(args[2]);
        long runNanos = Duration.ofMillis(Long.parseLong(args[3])).toNanos();
        AllocationSettings settings = settings(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        Random random = new Random(Long.parseLong(args[6]));
        int pool = Integer.parseInt(args[7]);
        try (FileChannel log = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            HistoryLog history = new HistoryLog(log, worker);
            ObservedStore store = new ObservedStore(
                    new JsonFileRegistryStore(runtime, Duration.ofMinutes(2), w -> System.err.println("warning: " + w)), history);
            PortAllocator allocator = new PortAllocator(store, store.probe(new SocketPortProbe()), new ProcFsProcessInspector(),
                    store.clock(), settings);
            // Start together: each worker says ready once its JVM is up, and waits for the word.
            System.out.println("ready");
            System.out.flush();
            if (!"go".equals(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine())) {
                return;
            }
            int operations = 0;
            long end = System.nanoTime() + runNanos;
            while (System.nanoTime() - end < 0) {
                operations++;
                ProjectName project = ProjectName.of("h" + random.nextInt(pool));
                int dice = random.nextInt(100);
                if (dice < 40) {
                    store.begin(operations, "reserve", project.value());
                    int port = allocator.allocate(AllocationRequest.reservation(project)).allocation().port().value();
                    history.acknowledged(operations, Integer.toString(port));
                } else if (dice < 65) {
                    store.begin(operations, "release", project.value());
                    Optional<Allocation> released = allocator.release(project);
                    history.acknowledged(operations, released.map(a -> a.port().toString()).orElse("none"));
                } else if (dice < 85) {
                    history.read(operations, RegistryDigest.of(store.read()));
                } else {
                    store.begin(operations, "cleanup", "-");
                    history.acknowledged(operations, Integer.toString(allocator.cleanup()));
                }
            }
            System.out.println("operations " + operations);
        }
    }
}
