package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while processes allocate ports in a loop with the real adapters
 * ({@link AllocateLoopMain}: cheaper than a CLI JVM per allocation, same store and allocator).
 * After every wave of kills: the registry parses without a warning, every allocation that was
 * reported to the user is there (held, same port), and temp files a killed writer left behind are
 * gone as soon as another change has run.
 *
 * <p>"Random moment": each child is killed after a random number of reported allocations (0-5)
 * plus a random part of its own time per allocation, so kills spread over the whole cycle (waiting
 * for the lock, reading, probing, writing, syncing, renaming) however fast the machine is.
 */
class KillDuringAllocationTest {
    /** Children allocating at once in each wave; they also compete for the lock. */
    private static final int PARALLEL = 5;
    private static final int PROJECTS_PER_CHILD = 25;
    private static final int MAX_REPORTS_BEFORE_KILL = 5;
    private static final long TYPICAL_CYCLE_MILLIS = 30;
    private static final long MAX_CYCLE_MILLIS = 250;
    /** A fresh home after this many kills keeps the registry far below its 1 MiB limit in long runs. */
    private static final int KILLS_PER_HOME = 100;

    @TempDir
    Path root;

    /** What happened to one child. */
    private record Fate(boolean killed, boolean afterAReport, Map<String, Integer> reported) {
    }

    @Test
    void theRegistryAlwaysParsesAndKeepsEveryReportedAllocation() throws Exception {
        long started = System.nanoTime();
        int kills = 0;
        int killsAfterAReport = 0;
        int finishedFirst = 0;
        int reported = 0;
        int wavesLeavingTempFiles = 0;
        int wave = 0;
        Path home = null;
        int killsInHome = 0;
        Map<String, Integer> reportedInHome = new HashMap<>();
        List<String> leftovers = List.of();
        List<Path> homes = new ArrayList<>();
        ExecutorService killers = Executors.newFixedThreadPool(PARALLEL);
        try {
            while (kills < Intensity.kills()) {
                if (home == null || killsInHome >= KILLS_PER_HOME) {
                    home = Files.createDirectory(root.resolve("home-" + homes.size()));
                    homes.add(home);
                    reportedInHome = new HashMap<>();
                    killsInHome = 0;
                    leftovers = List.of();
                }
                Map<String, Integer> reportedNow = new HashMap<>();
                for (Fate fate : killOneWave(killers, home, wave++)) {
                    kills += fate.killed() ? 1 : 0;
                    killsInHome += fate.killed() ? 1 : 0;
                    killsAfterAReport += fate.afterAReport() ? 1 : 0;
                    finishedFirst += fate.killed() ? 0 : 1;
                    reportedNow.putAll(fate.reported());
                }
                reported += reportedNow.size();
                reportedInHome.putAll(reportedNow);

                assertEveryReportedAllocationIsHeld(home, reportedInHome);
                if (!reportedNow.isEmpty()) {
                    // A change ran since they were left (it reported a port), and each change first clears leftovers.
                    List<String> still = new ArrayList<>(leftovers);
                    still.retainAll(RegistryCheck.tempFiles(home));
                    assertThat(still).as("temp files left by the previous wave, after a change ran").isEmpty();
                }
                leftovers = RegistryCheck.tempFiles(home);
                wavesLeavingTempFiles += leftovers.isEmpty() ? 0 : 1;
            }
        } finally {
            killers.shutdownNow();
        }
        for (Path each : homes) {
            assertTheNextChangeRemovesLeftovers(each);
        }
        Figures.record("KillDuringAllocationTest", kills + " kill -9 (" + killsAfterAReport + " after the child had reported a port; "
                + finishedFirst + " children finished before their kill) in " + wave + " waves of " + PARALLEL
                + " processes allocating in a loop, " + homes.size() + " registr" + (homes.size() == 1 ? "y" : "ies") + "; " + reported
                + " reported allocations, all present and held; " + wavesLeavingTempFiles + " waves left temp files, all removed by the"
                + " next change; registry parsed without warning after every wave; " + Figures.secondsSince(started));
    }

    private List<Fate> killOneWave(ExecutorService killers, Path home, int wave) throws Exception {
        List<TestJvm> children = new ArrayList<>();
        try {
            for (int c = 0; c < PARALLEL; c++) {
                children.add(TestJvm.start(root, AllocateLoopMain.class, Map.of(), RegistryCheck.runtime(home).toString(),
                        "w" + wave + "c" + c + "-", Integer.toString(PROJECTS_PER_CHILD)));
            }
            List<Future<Fate>> fates = new ArrayList<>();
            for (TestJvm child : children) {
                fates.add(killers.submit(() -> killAtARandomMoment(child)));
            }
            List<Fate> result = new ArrayList<>();
            for (Future<Fate> fate : fates) {
                result.add(fate.get());
            }
            return result;
        } finally {
            for (TestJvm child : children) {
                child.close();
            }
        }
    }

    private static Fate killAtARandomMoment(TestJvm child) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int reportsFirst = random.nextInt(MAX_REPORTS_BEFORE_KILL + 1);
        child.awaitLines(1 + reportsFirst); // "ready", then that many ports
        Thread.sleep(random.nextLong(cycleMillis(child.arrivals()) + 1));
        boolean killed = child.isAlive();
        child.kill();
        List<String> lines = child.lines();
        killed &= !lines.contains("done");
        Map<String, Integer> reported = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length == 2) {
                reported.put(fields[0], Integer.valueOf(fields[1]));
            } else {
                assertThat(line).as("stdout of a child").isIn("ready", "done");
            }
        }
        return new Fate(killed, killed && !reported.isEmpty(), reported);
    }

    /**
     * The time between the child's last two reports (its allocation cycle), capped; before it has
     * two, a typical cycle: "ready" to the first report also holds the JVM's warm-up.
     */
    private static long cycleMillis(List<Long> arrivals) {
        int n = arrivals.size();
        long cycle = n >= 3 ? (arrivals.get(n - 1) - arrivals.get(n - 2)) / 1_000_000 : TYPICAL_CYCLE_MILLIS;
        return Math.max(1, Math.min(cycle, MAX_CYCLE_MILLIS));
    }

    private static void assertEveryReportedAllocationIsHeld(Path home, Map<String, Integer> reported) throws Exception {
        if (Files.exists(RegistryFile.path(home))) {
            RegistryFile.read(home); // plain JSON, as a user or another tool would read it
        }
        Registry registry = RegistryCheck.readWithoutWarnings(home);
        for (Map.Entry<String, Integer> entry : reported.entrySet()) {
            Optional<Allocation> found = registry.find(ProjectName.of(entry.getKey()));
            assertThat(found).as("reported allocation of %s", entry.getKey()).isPresent();
            assertThat(found.get().isHeld()).as("%s still held", entry.getKey()).isTrue();
            assertThat(found.get().port().value()).as("port of %s", entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    /** One more change in a registry where killed writers left temp files: none is left after it. */
    private void assertTheNextChangeRemovesLeftovers(Path home) throws Exception {
        try (TestJvm last = TestJvm.start(root, AllocateLoopMain.class, Map.of(), RegistryCheck.runtime(home).toString(), "last-", "1")) {
            assertThat(last.waitForExit()).as("stderr: %s", last.stderr()).isZero();
        }
        assertThat(RegistryCheck.tempFiles(home)).isEmpty();
        RegistryCheck.readWithoutWarnings(home);
    }
}
