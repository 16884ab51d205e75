package dev.localdb.testsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.Parallel;
import dev.localdb.testsuite.support.RegistryFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's eight scenarios, end to end through the real {@code bin/localdb}. */
class SeedScenariosTest {
    @TempDir
    Path home;
    LocalDbRunner localdb;

    @BeforeEach
    void setUp() {
        localdb = new LocalDbRunner(home);
    }

    @Test
    void basicAllocationPrintsOnlyAPortNumberAndRecordsIt() throws Exception {
        Result result = localdb.run("port", "web");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("\\d+\\n");
        assertThat(result.port()).isBetween(3000, 9999);
        assertThat(RegistryFile.allocation(home, "web").get("port").asInt()).isEqualTo(result.port());
        assertThat(Files.getPosixFilePermissions(RegistryFile.path(home))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void fiveConcurrentAllocationsGetFiveDistinctPorts() throws Exception {
        List<Result> results = Parallel.run(localdb, projects("five", 5));

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(results.stream().map(Result::port).distinct()).hasSize(5);
        assertThat(RegistryFile.allocations(home)).hasSize(5);
    }

    @Test
    void portsWithNothingAllocatedSaysSoAndNoCleanupTime() throws Exception {
        Result empty = localdb.run("ports");
        assertThat(empty.exitCode()).as(empty.toString()).isZero();
        assertThat(empty.out()).isEqualTo("No allocations.\n");

        localdb.run("port", "web").port();
        assertThat(localdb.run("ports", "--cleanup").exitCode()).isZero();
        assertThat(localdb.run("release", "web", "--forget").exitCode()).isZero();
        assertThat(localdb.run("ports").out()).as("a registry that had entries and a cleanup").isEqualTo("No allocations.\n");
    }

    @Test
    void theSameProjectGetsTheSamePortAgain() throws Exception {
        int first = localdb.run("port", "api").port();
        int second = localdb.run("port", "api").port();

        assertThat(second).isEqualTo(first);
        assertThat(RegistryFile.allocations(home)).hasSize(1);
    }

    @Test
    void releaseFreesThePortButTheProjectGetsItBack() throws Exception {
        int port = localdb.run("port", "web").port();

        Result release = localdb.run("release", "web");
        assertThat(release.exitCode()).isZero();
        assertThat(release.out()).contains("Released port " + port);
        assertThat(RegistryFile.allocation(home, "web").get("state").asText()).isEqualTo("released");

        int other = localdb.run("port", "admin").port();
        assertThat(other).as("a port another project remembers is taken only as a last resort").isNotEqualTo(port);
        assertThat(localdb.run("port", "web").port()).isEqualTo(port);
    }

    @Test
    void cleanupTurnsAnAllocationWhoseOwnerDiedIntoARememberedPort() throws Exception {
        int port = localdb.run("port", "crashy").port();
        StaleOwner.makeOwnerDead(home, "crashy");

        assertThat(localdb.run("ports").out()).containsPattern("crashy\\s+" + port + "\\s+stale");
        Result cleanup = localdb.run("ports", "--cleanup");

        assertThat(cleanup.out()).contains("Cleaned 1 stale allocation(s)");
        assertThat(RegistryFile.allocation(home, "crashy").get("state").asText()).isEqualTo("released");
        assertThat(localdb.run("port", "crashy").port()).isEqualTo(port);
    }

    @Test
    void fiftyProjectsGetFiftyDistinctPorts() throws Exception {
        List<Result> results = Parallel.run(localdb, projects("p", 50));

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        Set<Integer> ports = new HashSet<>();
        results.forEach(r -> ports.add(r.port()));
        assertThat(ports).hasSize(50);
        assertThat(RegistryFile.allocations(home)).hasSize(50);
    }

    @Test
    void whenTheFirstRangeIsFullTheNextRangeIsUsed() throws Exception {
        int first = freeBlock(3);
        localdb.env("LOCALDB_PORT_RANGES", first + "-" + (first + 2) + "," + (first + 100) + "-" + (first + 199));
        try (ServerSocket foreign = new ServerSocket(first + 1, 1, InetAddress.getLoopbackAddress())) {
            int a = localdb.run("port", "a").port();
            int b = localdb.run("port", "b").port();
            int c = localdb.run("port", "c").port();

            assertThat(List.of(a, b)).containsExactly(first, first + 2);
            assertThat(c).as("first range full (two projects, one foreign listener)").isBetween(first + 100, first + 199);
        }
    }

    @Test
    void theRegistryStaysValidJsonWithExactCountsAndNoLeftovers() throws Exception {
        Parallel.run(localdb, projects("r", 10));
        localdb.run("release", "r3");

        JsonNode registry = RegistryFile.read(home);
        assertThat(registry.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(registry.get("allocations")).hasSize(10);
        Set<Integer> held = new HashSet<>();
        registry.get("allocations").forEach(a -> {
            if (a.get("state").asText().equals("held")) {
                assertThat(held.add(a.get("port").asInt())).as("port held twice: " + a).isTrue();
            }
        });
        assertThat(held).hasSize(9);
        try (var files = Files.list(home.resolve("runtime"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(".port-registry.json", ".port-registry.lock");
        }
    }

    static List<String[]> projects(String prefix, int count) {
        List<String[]> list = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> list.add(new String[] {"port", prefix + i}));
        return list;
    }

    /** A block of consecutive ports, plus 100 above it, that nothing on this host listens on now. */
    static int freeBlock(int size) throws Exception {
        for (int candidate = 21000; candidate < 32000; candidate += 211) {
            int start = candidate;
            if (IntStream.range(0, size).allMatch(i -> bindable(start + i) && bindable(start + 100 + i))) {
                return start;
            }
        }
        throw new AssertionError("no free block of ports found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
