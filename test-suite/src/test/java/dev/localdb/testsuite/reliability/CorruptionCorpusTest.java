package dev.localdb.testsuite.reliability;

import static dev.localdb.testsuite.reliability.CorruptionAssertions.assertReadWarning;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.assertSetAsideWarning;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.deleteRecursively;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.permissions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.reliability.RegistryCorpus.Damage;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of damaged registry (see {@link RegistryCorpus}): a change keeps the damaged file
 * aside (0600, byte for byte), says so in one line and carries on; a read-only command warns and
 * writes nothing at all. The whole corpus runs through the CLI in this JVM, a sample of it
 * through the real launcher.
 */
class CorruptionCorpusTest {
    private static final List<List<String>> READ_ONLY = List.of(
            List.of("ports"), List.of("ports", "--json"), List.of("status"), List.of("status", "--json"));

    @TempDir
    static Path seed;
    static byte[] real;
    static String ranges;

    @TempDir
    Path sandbox;
    Path home;

    @BeforeAll
    static void realRegistry() throws IOException {
        int first = QuietPorts.block(20);
        ranges = first + "-" + (first + 19);
        real = RegistryCorpus.realRegistry(seed, first);
    }

    static Stream<Damage> corpus() throws IOException {
        return RegistryCorpus.damages(real).stream();
    }

    @BeforeEach
    void setUp() {
        home = sandbox.resolve("home");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aChangeKeepsTheDamagedFileAsideAndCarriesOn(Damage damage) throws Exception {
        RegistryCorpus.write(home, damage.bytes());

        Result result = inProcess().run("port", "fresh");

        assertChangeSetsAside(damage, result);
    }

    /** The same through the real launcher (a process, its exit code, its stderr), for a sample of the corpus. */
    @Test
    void throughTheLauncherAChangeSetsAsideAndAReadWritesNothing() throws Exception {
        List<String> sample = List.of("empty", "truncated in the middle", "random bytes", "wrong type: port as text",
                "duplicate ports", "port 70000", "deeply nested", "over 1 MiB");
        List<Damage> damages = RegistryCorpus.damages(real).stream().filter(d -> sample.contains(d.name())).toList();
        assertThat(damages).hasSize(sample.size());
        for (Damage damage : damages) {
            deleteRecursively(home);
            RegistryCorpus.write(home, damage.bytes());

            Result result = launcher().run("port", "fresh");

            assertChangeSetsAside(damage, result);
        }
        for (Damage damage : damages.subList(0, 3)) {
            deleteRecursively(home);
            Path data = RegistryCorpus.write(home, damage.bytes());
            HomeSnapshot before = HomeSnapshot.of(sandbox);
            for (String command : List.of("ports", "status")) {
                Result result = launcher().run(command);

                assertThat(result.exitCode()).as(damage + ", " + command + ": " + result).isZero();
                assertReadWarning(result.err(), data, damage.reason());
            }
            assertThat(HomeSnapshot.of(sandbox)).as(damage.name()).isEqualTo(before);
        }
    }

    private void assertChangeSetsAside(Damage damage, Result result) throws IOException {
        Path data = RegistryFile.path(home);
        assertThat(result.exitCode()).as(damage + ": " + result).isZero();
        assertThat(result.out()).matches("\\d+\\n");
        Path kept = onlyCorruptCopy();
        assertSetAsideWarning(result.err(), data, kept, damage.reason());
        assertThat(Files.readAllBytes(kept)).as("the damaged file, byte for byte").isEqualTo(damage.bytes());
        assertThat(permissions(kept)).isEqualTo("rw-------");
        assertThat(permissions(data)).isEqualTo("rw-------");
        assertThat(RegistryFile.allocations(home)).extracting(a -> a.get("project").asText()).containsExactly("fresh");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readOnlyCommandsWarnAndWriteNothing(Damage damage) throws Exception {
        Path data = RegistryCorpus.write(home, damage.bytes());
        HomeSnapshot before = HomeSnapshot.of(sandbox);

        for (List<String> command : READ_ONLY) {
            Result result = inProcess().run(command.toArray(String[]::new));

            assertThat(result.exitCode()).as(command + ": " + result).isZero();
            assertReadWarning(result.err(), data, damage.reason());
        }

        assertThat(HomeSnapshot.of(sandbox)).as("nothing written, renamed, created or deleted").isEqualTo(before);
    }

    private LocalDbRunner launcher() {
        return new LocalDbRunner(home).env("LOCALDB_PORT_RANGES", ranges);
    }

    private InProcessLocalDb inProcess() {
        return new InProcessLocalDb(home, sandbox).env("LOCALDB_PORT_RANGES", ranges);
    }

    private Path onlyCorruptCopy() throws IOException {
        return CorruptionAssertions.onlyCorruptCopy(home);
    }
}
