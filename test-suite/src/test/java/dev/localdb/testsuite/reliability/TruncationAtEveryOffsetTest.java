package dev.localdb.testsuite.reliability;

import static dev.localdb.testsuite.reliability.CorruptionAssertions.assertReadWarning;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.assertSetAsideWarning;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.deleteRecursively;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.onlyCorruptCopy;
import static dev.localdb.testsuite.reliability.CorruptionAssertions.permissions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real registry cut short at every byte offset, as a writer that truncated in place and died
 * would leave it: at each cut, {@code ports} warns and writes nothing, and {@code port} keeps the
 * damaged file aside (0600, byte for byte) and carries on. The CLI runs in this JVM (two thousand
 * launcher processes would take many minutes); {@link CorruptionCorpusTest} runs samples through
 * the launcher.
 */
class TruncationAtEveryOffsetTest {
    @TempDir
    static Path seed;
    static byte[] real;
    static String ranges;

    @TempDir
    Path sandbox;

    @BeforeAll
    static void realRegistry() throws IOException {
        int first = QuietPorts.block(20);
        ranges = first + "-" + (first + 19);
        real = RegistryCorpus.realRegistry(seed, first);
    }

    @Test
    void aChangeSetsEachCutAsideAndAReadLeavesItAlone() throws Exception {
        Path loop = fastScratch();
        try {
            checkEveryTruncation(loop, loop.resolve("home"));
        } finally {
            deleteRecursively(loop);
        }
    }

    private void checkEveryTruncation(Path root, Path home) throws Exception {
        int complete = lastIndexOf(real, (byte) '}') + 1;
        InProcessLocalDb.Session cli = new InProcessLocalDb(home, root).env("LOCALDB_PORT_RANGES", ranges).session();
        int damaged = 0;
        for (int cut = 0; cut < real.length; cut++) {
            byte[] content = Arrays.copyOf(real, cut);
            deleteRecursively(home);
            Path data = RegistryCorpus.write(home, content);
            HomeSnapshot before = HomeSnapshot.of(root);

            Result read = cli.run("ports");

            assertThat(read.exitCode()).as("ports, cut at byte %d: %s", cut, read).isZero();
            assertThat(HomeSnapshot.of(root)).as("ports wrote nothing, cut at byte %d", cut).isEqualTo(before);

            Result change = cli.run("port", "fresh");

            assertThat(change.exitCode()).as("port, cut at byte %d: %s", cut, change).isZero();
            List<String> projects = RegistryFile.allocations(home).stream().map(a -> a.get("project").asText()).toList();
            if (cut < complete) {
                damaged++;
                String reason = cut == 0 ? "the file is empty" : "not valid JSON";
                assertReadWarning(read.err(), data, reason);
                Path kept = onlyCorruptCopy(home);
                assertSetAsideWarning(change.err(), data, kept, reason);
                assertThat(Files.readAllBytes(kept)).as("kept, cut at byte %d", cut).isEqualTo(content);
                assertThat(permissions(kept)).isEqualTo("rw-------");
                assertThat(projects).as("cut at byte %d", cut).containsExactly("fresh");
            } else {
                // Only the final newline is missing: still the whole registry.
                assertThat(read.err() + change.err()).as("cut at byte %d", cut).isEmpty();
                assertThat(projects).as("cut at byte %d", cut).containsExactly("alpha", "beta", "fresh", "gamma", "served");
            }
        }
        assertThat(damaged).isEqualTo(real.length - 1);
        Figures.record("TruncationAtEveryOffsetTest", "registry of " + real.length + " bytes cut at each of " + real.length
                + " offsets: " + damaged + " damaged files set aside, " + (real.length - damaged) + " complete, " + 2 * real.length
                + " commands, 0 failures");
    }

    /**
     * A tmpfs folder where there is one: the loop runs two thousand commands, each forcing files
     * to disk. What it checks is how damage is read and set aside, not durability (the kill -9
     * tests check that on the real disk).
     */
    private Path fastScratch() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "localdb-truncations-");
        }
        return Files.createDirectory(sandbox.resolve("truncations"));
    }

    private static int lastIndexOf(byte[] bytes, byte wanted) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
