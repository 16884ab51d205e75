package dev.localdb.testsuite.reliability;

import dev.localdb.testsuite.support.PlatformUnderTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PID alone is not an identity. An allocation whose owner PID is alive but has another start
 * time (the PID was reused), or was recorded in another boot, is stale, and {@code localdb stop}
 * never signals that process. The control case, the true identity, shows the forged entries are
 * otherwise right: that owner is active, and stop does end it.
 */
class OwnerIdentityTest {
    @TempDir
    Path home;
    LocalDbRunner localdb;
    Process bystander;
    int port;

    @BeforeEach
    void setUp() throws Exception {
        localdb = new LocalDbRunner(home);
        port = localdb.run("port", "web").port();
        bystander = new ProcessBuilder("sleep", "120").start();
    }

    @AfterEach
    void tearDown() throws Exception {
        bystander.destroyForcibly();
        bystander.waitFor(1, TimeUnit.MINUTES);
    }

    @Test
    void aLivePidWithAnotherStartTimeIsStaleAndStopLeavesItAlone() throws Exception {
        giveWebTheOwner(bystander.pid(), startTicks(bystander.pid()) + 1, bootId());

        assertStaleAndNeverSignalled();
    }

    @Test
    void anOwnerFromAnotherBootIsStaleAndStopLeavesItAlone() throws Exception {
        giveWebTheOwner(bystander.pid(), startTicks(bystander.pid()), "00000000-0000-0000-0000-000000000000");

        assertStaleAndNeverSignalled();
    }

    @Test
    void theTrueIdentityIsActiveAndStopEndsIt() throws Exception {
        PlatformUnderTest.assumeProcIdentity();
        giveWebTheOwner(bystander.pid(), startTicks(bystander.pid()), bootId());

        assertThat(localdb.run("ports").out()).containsPattern("web\\s+" + port + "\\s+active\\s+" + bystander.pid());
        Result stop = localdb.run("stop", "web", "--timeout", "5");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).startsWith("Stopped web");
        Poll.until("the verified owner to end", Duration.ofSeconds(30), () -> !Processes.isRunning(bystander.pid()));
    }

    private void assertStaleAndNeverSignalled() throws Exception {
        Result ports = localdb.run("ports");
        assertThat(ports.out()).as(ports.toString()).containsPattern("web\\s+" + port + "\\s+stale\\s+" + bystander.pid());

        Result stop = localdb.run("stop", "web", "--timeout", "1");

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("was not running: it had crashed");
        // A signal, had one been sent, ends sleep at once; give it a moment to show before concluding none was.
        assertThat(bystander.waitFor(1, TimeUnit.SECONDS)).as("the process with the recorded PID ended").isFalse();
        assertThat(Processes.isRunning(bystander.pid())).as("the process with the recorded PID, never signalled").isTrue();
        assertThat(RegistryFile.allocation(home, "web").get("state").asText()).as("the stale hold is released").isEqualTo("released");
    }

    private void giveWebTheOwner(long pid, long startTime, String bootId) throws Exception {
        ObjectNode registry = (ObjectNode) RegistryFile.read(home);
        registry.withArray("allocations").forEach(a -> {
            if (a.get("project").asText().equals("web")) {
                ObjectNode owner = ((ObjectNode) a).putObject("owner");
                owner.put("pid", pid);
                owner.put("startTime", startTime);
                owner.put("bootId", bootId);
            }
        });
        Files.writeString(RegistryFile.path(home), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(registry));
    }

    /** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot, what localdb records. */
    private static long startTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[22 - 3]);
    }

    private static String bootId() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
    }
}
