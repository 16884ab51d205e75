package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbRunner.Started;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many real {@code bin/localdb port} processes at once (each its own JVM, as users run it):
 * rounds of distinct projects, and a crowd asking for one project.
 *
 * <p>The lock timeout is raised to 2 minutes: these tests are about what the processes end up
 * with, and on an overloaded machine (CI runners, or this suite's 2-core box under load average
 * 50) one cold JVM inside the critical section can take longer than the default 10 s.
 */
class ManyProcessesTest {
    @TempDir
    Path home;
    LocalDbRunner localdb;
    private long slowestNanos;

    @BeforeEach
    void setUp() {
        localdb = new LocalDbRunner(home).env("LOCALDB_LOCK_TIMEOUT_MS", "120000");
    }

    @Test
    void roundsOfProcessesWithDistinctProjectsGetDistinctPortsAndExactlyOneEntryEach() throws Exception {
        int processes = Intensity.processes();
        int rounds = Intensity.rounds();
        Map<String, Integer> told = new HashMap<>();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            List<String> projects = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                projects.add("r" + round + "-p" + p);
            }

            List<Result> results = allAtOnce(projects);

            for (int p = 0; p < processes; p++) {
                Result result = results.get(p);
                assertThat(result.exitCode()).as("round %d process %d: %s", round, p, result).isZero();
                assertThat(result.err()).as("round %d process %d stderr", round, p).isEmpty();
                told.put(projects.get(p), result.port());
            }
        }

        assertThat(told.values().stream().distinct().count()).as("distinct ports among those printed").isEqualTo((long) processes * rounds);
        List<JsonNode> entries = RegistryFile.allocations(home);
        assertThat(entries).hasSize(processes * rounds);
        Map<String, Integer> recorded = new HashMap<>();
        for (JsonNode entry : entries) {
            assertThat(entry.get("state").asText()).isEqualTo("held");
            recorded.put(entry.get("project").asText(), entry.get("port").asInt());
        }
        assertThat(recorded).as("every printed port is the one recorded for its project").isEqualTo(told);
        assertThat(RegistryCheck.readWithoutWarnings(home).size()).isEqualTo(processes * rounds);
        assertThat(RegistryCheck.tempFiles(home)).isEmpty();
        Figures.record("ManyProcessesTest.distinct", processes + " bin/localdb port processes at once x " + rounds + " rounds = "
                + processes * rounds + " allocations: all exit 0, 0 duplicate ports, " + entries.size() + " entries, all as printed; "
                + Figures.secondsSince(started) + " in all, slowest process " + seconds(slowestNanos));
    }

    @Test
    void twentyProcessesAskingForOneProjectShareOnePortAndOneEntry() throws Exception {
        List<String> projects = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            projects.add("shared");
        }
        long started = System.nanoTime();

        List<Result> results = allAtOnce(projects);

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(results.stream().map(Result::port).distinct()).hasSize(1);
        List<JsonNode> entries = RegistryFile.allocations(home);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("port").asInt()).isEqualTo(results.get(0).port());
        assertThat(entries.get(0).get("state").asText()).isEqualTo("held");
        Figures.record("ManyProcessesTest.sameProject", projects.size() + " bin/localdb port processes at once for one project:"
                + " all exit 0, 1 port, 1 entry; " + Figures.secondsSince(started) + " in all, slowest process " + seconds(slowestNanos));
    }

    /** {@code localdb port <project>} for each, all started before any is waited for; notes the slowest. */
    private List<Result> allAtOnce(List<String> projects) throws Exception {
        List<Started> running = new ArrayList<>();
        List<CompletableFuture<Long>> durations = new ArrayList<>();
        try {
            for (String project : projects) {
                long start = System.nanoTime();
                Started process = localdb.start("port", project);
                running.add(process);
                durations.add(process.process().onExit().thenApply(p -> System.nanoTime() - start));
            }
            List<Result> results = new ArrayList<>();
            for (Started process : running) {
                results.add(process.await());
            }
            for (CompletableFuture<Long> duration : durations) {
                slowestNanos = Math.max(slowestNanos, duration.get());
            }
            return results;
        } finally {
            running.forEach(s -> s.process().destroyForcibly());
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
