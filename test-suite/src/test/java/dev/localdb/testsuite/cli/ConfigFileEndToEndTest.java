package dev.localdb.testsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * $LOCALDB_HOME/config.json through the real bin/localdb: it sets the ranges, `localdb config`
 * tells the file from the environment, and a bad value stops everything with one line before the
 * registry is touched.
 */
class ConfigFileEndToEndTest {
    @TempDir
    Path sandbox;
    Path home;
    Path config;
    LocalDbRunner localdb;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectory(sandbox.resolve("home"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        config = home.resolve("config.json");
        localdb = new LocalDbRunner(home);
    }

    private void writeConfig(String json) throws Exception {
        if (Files.notExists(config)) {
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(config, json);
    }

    @Test
    void portRangesFromTheFileDecideThePort() throws Exception {
        int first = QuietPorts.block(10);
        writeConfig("{\"portRanges\": [\"" + first + "-" + (first + 9) + "\"]}");

        int port = localdb.run("port", "web").port();

        assertThat(port).isBetween(first, first + 9);
        assertThat(RegistryFile.allocation(home, "web").get("port").asInt()).isEqualTo(port);
    }

    @Test
    void configShowsWhetherAValueCameFromTheFileOrTheEnvironment() throws Exception {
        int first = QuietPorts.block(10);
        writeConfig("{\"portRanges\": [\"" + first + "-" + (first + 9) + "\"], \"lockTimeoutMs\": 2500}");

        Result fromFile = localdb.run("config");
        Result fromEnv = localdb.env("LOCALDB_PORT_RANGES", (first + 5) + "-" + (first + 9)).run("config");

        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(fromFile.out()).containsPattern("\\nportRanges +" + first + "-" + (first + 9) + " +" + config + "\\n")
                .containsPattern("\\nlockTimeoutMs +2500 +" + config + "\\n");
        assertThat(fromEnv.exitCode()).as(fromEnv.toString()).isZero();
        assertThat(fromEnv.out()).containsPattern("\\nportRanges +" + (first + 5) + "-" + (first + 9) + " +LOCALDB_PORT_RANGES\\n")
                .containsPattern("\\nlockTimeoutMs +2500 +" + config + "\\n");
        // The environment also decides the port, not only the listing.
        assertThat(localdb.run("port", "web").port()).isBetween(first + 5, first + 9);
    }

    @Test
    void aBadValueExitsWith2InOneLineAndLeavesTheRegistryAlone() throws Exception {
        int first = QuietPorts.block(10);
        writeConfig("{\"portRanges\": [\"" + first + "-" + (first + 9) + "\"]}");
        localdb.run("port", "web").port();
        byte[] registryBefore = Files.readAllBytes(RegistryFile.path(home));
        writeConfig("{\"portRanges\": [\"" + first + "-" + (first + 9) + "\"], \"lockTimeoutMs\": \"ten\"}");

        Result port = localdb.run("port", "api");
        Result release = localdb.run("release", "web");

        for (Result result : new Result[] {port, release}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines()).as(result.toString()).hasSize(1);
            assertThat(result.err()).startsWith("error: Config file " + config + ": \"lockTimeoutMs\": \"ten\" is invalid: ")
                    .contains("Example: \"lockTimeoutMs\": 10000")
                    .doesNotContainPattern("\\n\\s+at [\\w.$]+\\(").doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(RegistryFile.path(home))).isEqualTo(registryBefore);
    }

    @Test
    void anUnknownKeyNamesTheClosestKnownKey() throws Exception {
        writeConfig("{\"portRange\": [\"3000-3999\"]}");

        Result result = localdb.run("port", "web");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(1).first().asString()
                .contains("unknown key \"portRange\"; did you mean \"portRanges\"?");
        assertThat(home.resolve("runtime")).doesNotExist();
    }

    @Test
    void aSymbolicLinkInsteadOfTheFileIsRefusedWithExitCode4() throws Exception {
        Path elsewhere = Files.writeString(sandbox.resolve("elsewhere.json"), "{}");
        Files.createSymbolicLink(config, elsewhere);

        Result result = localdb.run("port", "web");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err().lines()).hasSize(1).first().asString().contains("symbolic link");
        assertThat(home.resolve("runtime")).doesNotExist();
    }
}
