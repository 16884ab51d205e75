package dev.localdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reason the extension exists: test JVMs running side by side (as with Surefire's forkCount
 * or Gradle's maxParallelForks) each reserve ports through the same registry, bind them and hold
 * them all at the same moment, and no port is handed out twice. {@code -Dlocaldb.junit.jvms=N}
 * sets how many JVMs (8 by default).
 */
class ParallelJvmsTest {
    private static final Duration GENEROUS = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void testJvmsRunningAtOnceEachBindTheirPortsAndNoPortIsHandedOutTwice() throws Exception {
        int jvms = Integer.getInteger("localdb.junit.jvms", 8);
        Path home = dir.resolve("home");
        Path held = Files.createDirectory(dir.resolve("held"));
        Set<Long> pids = new TreeSet<>();
        try (ChildJvms children = new ChildJvms(dir)) {
            for (int i = 0; i < jvms; i++) {
                Process child = children.start("jvm-" + i, HeldAcrossJvmsScenario.class, Map.of(
                        HomeLocation.PROPERTY, home.toString(),
                        // Away from the ports other tests on this machine use; below every OS's ephemeral range.
                        PortRanges.PROPERTY, "20000-29999",
                        HeldAcrossJvmsScenario.HELD_DIR, held.toString(),
                        HeldAcrossJvmsScenario.PEERS, Integer.toString(jvms)));
                pids.add(child.pid());
            }
            children.awaitAllSucceeded(GENEROUS);
        }

        Map<Long, List<Integer>> heldByPid = HeldPortFiles.read(held);
        // Each JVM reported only after binding all its ports, and held them until every JVM had reported.
        assertThat(heldByPid.keySet()).isEqualTo(pids);
        List<Integer> all = heldByPid.values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(jvms * HeldAcrossJvmsScenario.PORTS_PER_JVM)
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(20000, 29999));
        assertThat(TestRegistry.entries(home)).as("every JVM gave back and forgot its ports").isEmpty();
    }
}
