package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Registry;
import dev.localdb.testsuite.support.QuietPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history check (as in Lucene's LockStressTest): several processes run random reserve /
 * release / list / cleanup for a fixed time, each logging from inside the critical section when
 * it enters and leaves. No two sections may overlap, and the final registry must be what a
 * sequential replay of the acknowledged operations, in section order, produces.
 */
class LockHistoryTest {
    private static final int PORTS = 40;
    /** Fewer projects than ports: nobody runs out, and the workers keep meeting on the same projects. */
    private static final int PROJECTS = 16;

    @TempDir
    Path home;

    @Test
    void criticalSectionsNeverOverlapAndTheRegistryIsTheSequentialReplayOfWhatWasAcknowledged() throws Exception {
        int workers = Intensity.historyWorkers();
        int seconds = Intensity.historySeconds();
        int first = QuietPorts.block(PORTS);
        long seed = ThreadLocalRandom.current().nextLong();
        Path log = Files.createFile(home.resolve("history.log"));
        List<TestJvm> children = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int w = 0; w < workers; w++) {
                children.add(TestJvm.start(home, HistoryWorkerMain.class, Map.of(), RegistryCheck.runtime(home).toString(),
                        log.toString(), Integer.toString(w), Long.toString(seconds * 1000L), Integer.toString(first),
                        Integer.toString(first + PORTS - 1), Long.toString(seed + w), Integer.toString(PROJECTS)));
            }
            for (TestJvm child : children) {
                assertThat(child.nextLine()).isEqualTo("ready");
            }
            for (TestJvm child : children) {
                child.send("go");
            }
            for (TestJvm child : children) {
                failures.add(child.waitForExit() == 0 ? "" : "worker exited with " + child.waitForExit() + ": " + child.stderr());
            }
        } finally {
            for (TestJvm child : children) {
                child.close();
            }
        }

        History history = History.parse(Files.readAllLines(log));
        // Overlaps first: when the lock is broken, workers also crash, and the overlap says why.
        assertThat(history.overlaps).as("overlapping critical sections").isEmpty();
        assertThat(failures).as("workers that failed").containsOnly("");
        assertThat(history.aborted).as("transactions that threw").isZero();
        assertThat(history.sections.stream().map(History.Section::worker).distinct()).as("workers that got the lock").hasSize(workers);
        assertThat(history.sections).as("enough transactions to mean something").hasSizeGreaterThan(workers * 3);
        HistoryReplay replay = HistoryReplay.of(history, HistoryWorkerMain.settings(first, first + PORTS - 1));
        assertThat(replay.problems).as("differences from a sequential replay").isEmpty();
        Registry onDisk = RegistryCheck.readWithoutWarnings(home);
        assertThat(onDisk).as("the registry on disk equals the replay's").isEqualTo(replay.state);

        long writes = history.sections.stream().filter(s -> !s.seen().equals(s.produced())).count();
        Figures.record("LockHistoryTest", workers + " processes x " + seconds + " s of random reserve/release/list/cleanup: "
                + history.sections.size() + " critical sections (" + writes + " wrote), " + history.readDigests.size()
                + " lock-free reads, 0 overlaps, replay identical, total " + Figures.secondsSince(started) + " (seed " + seed + ")");
    }
}
