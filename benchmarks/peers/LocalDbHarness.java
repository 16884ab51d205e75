import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProjectName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * localdb in the shared peer benchmark ({@code ../shared/bench-peers}, see its README): the three
 * modes of its {@code JavaScan.java}, but every port comes from the engine the CLI wires
 * ({@link Engine}), never from a bare socket scan. Run by {@code run-side-by-side.sh} beside this
 * file; docs/BENCHMARKS.md ("Side by side with the peers") explains the choices.
 *
 * <ul>
 *   <li>{@code latency N WARMUP}: in a temporary home, one project asks for its port and gives it
 *       back, over and over. Only the ask is timed: a probe of 3000 on every address plus one
 *       durable registry write, against the peers' "find a free port from 3000". The release (a
 *       second durable write, which no peer has) and the disk's own floor for one durable write
 *       are reported beside it, measured in the same loop.</li>
 *   <li>{@code check S1 S2 ...}: for each start S, a fresh home and a single range S-9999.</li>
 *   <li>{@code child}: see {@link CollisionChild}.</li>
 * </ul>
 */
public final class LocalDbHarness {
    private static final int LAST_PORT = 9999; // the end of localdb's default ranges and of JavaScan's scan

    private LocalDbHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        switch (mode) {
            case "latency" -> latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "check" -> check(Arrays.copyOfRange(args, 1, args.length));
            case "child" -> CollisionChild.run();
            default -> {
                System.err.println("usage: LocalDbHarness latency N WARMUP | check S1 S2 ... | child");
                System.exit(2);
            }
        }
    }

    private static void latency(int n, int warmup) throws IOException {
        if (n < 1 || warmup < 0) {
            throw new IllegalArgumentException("latency needs N >= 1 timed calls and WARMUP >= 0, got " + n + " and " + warmup);
        }
        Path home = TempHomes.create("localdb-peer-latency-");
        try {
            Engine engine = Engine.on(home, AllocationSettings.defaults());
            ProjectName project = ProjectName.of("latency");
            double[] allocUs = new double[n];
            double[] releaseUs = new double[n];
            double[] floorUs = new double[n];
            TreeSet<Integer> ports = new TreeSet<>();
            int port = 0;
            for (int i = 0; i < warmup + n; i++) {
                long t0 = System.nanoTime();
                port = engine.reserve(project);
                long t1 = System.nanoTime();
                engine.allocator().release(project);
                long t2 = System.nanoTime();
                double floor = DurableWriteFloor.once(home);
                if (i >= warmup) {
                    allocUs[i - warmup] = (t1 - t0) / 1000.0;
                    releaseUs[i - warmup] = (t2 - t1) / 1000.0;
                    floorUs[i - warmup] = floor;
                    ports.add(port);
                }
            }
            Arrays.sort(allocUs);
            Arrays.sort(releaseUs);
            Arrays.sort(floorUs);
            System.out.println("{\"port\":" + port + ",\"samples_us\":" + Arrays.toString(allocUs)
                    + ",\"distinct_ports\":" + ports.size()
                    + ",\"release_median_us\":" + median(releaseUs)
                    + ",\"durable_write_floor_median_us\":" + median(floorUs)
                    + ",\"durable_write_floor_p10_p90_us\":[" + floorUs[n / 10] + "," + floorUs[n * 9 / 10] + "]}");
        } finally {
            TempHomes.delete(home);
        }
    }

    private static void check(String[] starts) throws IOException {
        List<String> found = new ArrayList<>();
        for (String text : starts) {
            int start = Integer.parseInt(text);
            // A fresh home per start: the cases are independent, as they are for every peer.
            Path home = TempHomes.create("localdb-peer-check-");
            try {
                AllocationSettings settings = AllocationSettings.defaults().withRanges(List.of(PortRange.of(start, LAST_PORT)));
                int port;
                try {
                    port = Engine.on(home, settings).reserve(ProjectName.of("check"));
                } catch (NoFreePortException e) {
                    port = -1;
                }
                found.add("\"" + start + "\":" + port);
            } finally {
                TempHomes.delete(home);
            }
        }
        System.out.println("{" + String.join(",", found) + "}");
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
