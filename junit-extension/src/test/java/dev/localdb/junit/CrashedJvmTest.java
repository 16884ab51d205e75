package dev.localdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.domain.model.Allocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM killed while it holds ports (kill -9, an IDE's stop button, an OOM kill) cannot give
 * them back. Its entries name it as owner, so they turn stale the moment it dies, and the next
 * test JVM that uses the extension on that home forgets them.
 */
class CrashedJvmTest {
    private static final Duration GENEROUS = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @AfterEach
    void forgetObservations() {
        Observations.takeAll();
    }

    @Test
    void aKilledTestJvmLeavesStaleEntriesThatTheNextRunForgets() throws Exception {
        Path home = dir.resolve("home");
        Path held = Files.createDirectory(dir.resolve("held"));
        long crashed;
        List<Allocation> leftovers;
        try (ChildJvms children = new ChildJvms(dir)) {
            // It waits for a peer that never comes, so it is still holding its ports when killed.
            Process child = children.start("crashing", HeldAcrossJvmsScenario.class, Map.of(
                    HomeLocation.PROPERTY, home.toString(),
                    PortRanges.PROPERTY, "20000-29999",
                    HeldAcrossJvmsScenario.HELD_DIR, held.toString(),
                    HeldAcrossJvmsScenario.PEERS, "2"));
            crashed = child.pid();
            awaitHolding(children, child, held);
            leftovers = List.copyOf(TestRegistry.entries(home).values());
            children.kill(child);
        }

        assertThat(leftovers).hasSize(HeldAcrossJvmsScenario.PORTS_PER_JVM).allSatisfy(entry -> {
            assertThat(entry.project().value()).startsWith("junit-" + crashed + "-");
            assertThat(entry.owner()).hasValueSatisfying(owner -> assertThat(owner.pid()).isEqualTo(crashed));
        });
        ProcFsProcessInspector inspector = new ProcFsProcessInspector();
        assertThat(leftovers).as("stale: their owner is dead").noneMatch(entry -> inspector.isAlive(entry.owner().orElseThrow()));
        assertThat(TestRegistry.entries(home)).as("a crash cannot give anything back").hasSize(HeldAcrossJvmsScenario.PORTS_PER_JVM);

        ScenarioRun.Outcome next = ScenarioRun.run(MisuseScenarios.PlainParameter.class, home);

        assertThat(next.allPassed()).as(next.toString()).isTrue();
        assertThat(Observations.only(Observations.takeAll(), "test").registry()).hasSize(1)
                .allSatisfy((name, entry) -> assertThat(name).doesNotStartWith("junit-" + crashed + "-"));
        assertThat(TestRegistry.entries(home)).isEmpty();
    }

    /** Until the child reported its bound ports; fails with its output if it ends first. */
    private static void awaitHolding(ChildJvms children, Process child, Path held) throws Exception {
        long end = System.nanoTime() + GENEROUS.toNanos();
        while (!HeldPortFiles.read(held).containsKey(child.pid())) {
            if (!child.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("The child never held its ports; its output:\n" + children.output(child));
            }
            Thread.sleep(20);
        }
    }
}
