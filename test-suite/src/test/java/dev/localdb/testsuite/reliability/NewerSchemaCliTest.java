package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.QuietPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry written by a newer localdb is shown with a warning and never overwritten, through the launcher. */
class NewerSchemaCliTest {
    @TempDir
    Path sandbox;

    @Test
    void aNewerSchemaIsReadWithAWarningAndNeverOverwritten() throws Exception {
        int first = QuietPorts.block(10);
        Path home = sandbox.resolve("home");
        LocalDbRunner launcher = new LocalDbRunner(home).env("LOCALDB_PORT_RANGES", first + "-" + (first + 9));
        byte[] newer = RegistryCorpus.newerSchema(RegistryCorpus.realRegistry(sandbox, first));
        Path data = RegistryCorpus.write(home, newer);
        HomeSnapshot before = HomeSnapshot.of(sandbox);
        HomeSnapshot registryBefore = HomeSnapshot.of(data);
        String newerWarning = "Registry " + data + " was written by a newer localdb (schema 3)";

        Result listing = launcher.run("ports");

        assertThat(listing.exitCode()).as(listing.toString()).isZero();
        assertThat(listing.out()).contains("alpha", "beta", "gamma", "served");
        assertThat(listing.err()).isEqualTo("warning: " + newerWarning
                + "; showing what this version understands. Upgrade localdb to change it.\n");
        assertThat(HomeSnapshot.of(sandbox)).as("a read writes nothing").isEqualTo(before);

        for (String[] change : new String[][] {{"port", "fresh"}, {"release", "alpha"}, {"ports", "--cleanup"}}) {
            Result refused = launcher.run(change);

            assertThat(refused.exitCode()).as(Arrays.toString(change) + ": " + refused).isEqualTo(4);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err().lines()).singleElement().asString()
                    .startsWith("error: " + newerWarning + "; upgrade localdb ").endsWith(" it will not be overwritten.");
        }
        assertThat(Files.readAllBytes(data)).isEqualTo(newer);
        assertThat(HomeSnapshot.of(data)).as("the registry file itself: bytes, time, inode, mode").isEqualTo(registryBefore);
        try (Stream<Path> files = Files.list(data.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no copy, no temporary file")
                    .containsExactlyInAnyOrder(".port-registry.json", ".port-registry.lock");
        }
    }
}
