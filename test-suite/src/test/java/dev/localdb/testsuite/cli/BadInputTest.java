package dev.localdb.testsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets one clear line and its exit code; nothing recorded is lost; nothing escapes the home. */
class BadInputTest {
    @TempDir
    Path sandbox;
    Path home;
    LocalDbRunner localdb;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectory(sandbox.resolve("home"));
        localdb = new LocalDbRunner(home);
    }

    static Stream<String> invalidNames() {
        return Stream.of("../x", "a/b", "", "x".repeat(65), "bad\u001b[31mname", "new\nline", "tab\tname", ".hidden", "UPPER", "-dash");
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidProjectNamesAreRejectedWithOneLineAndExitCode2(String name) throws Exception {
        Result result = localdb.run("port", name);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("\u001b");
        // picocli drops an empty argument before we see it, so "" is reported as a missing name.
        assertThat(result.err()).containsAnyOf("a-z", "Missing required parameter: '<project>'");
        try (Stream<Path> everything = Files.walk(sandbox)) {
            assertThat(everything.filter(p -> !p.startsWith(home))).containsExactly(sandbox);
        }
    }

    @Test
    void aGarbageRegistryIsKeptAsideAndAFreshOneIsStarted() throws Exception {
        localdb.run("port", "seed").port();
        Files.writeString(RegistryFile.path(home), "{not json at all");

        Result result = localdb.run("port", "web");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: ").contains(".corrupt-").doesNotContain("Exception");
        try (Stream<Path> files = Files.list(home.resolve("runtime"))) {
            Path kept = files.filter(f -> f.getFileName().toString().startsWith(".port-registry.json.corrupt-")).findFirst().orElseThrow();
            assertThat(Files.readString(kept)).isEqualTo("{not json at all");
        }
        assertThat(RegistryFile.allocations(home)).hasSize(1);
    }

    @Test
    void listingADamagedRegistryWarnsAndChangesNothing() throws Exception {
        Files.createDirectories(home.resolve("runtime"));
        Files.writeString(RegistryFile.path(home), "[1,2");

        Result result = localdb.run("ports");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: ").doesNotContain("Exception");
        assertThat(Files.readString(RegistryFile.path(home))).isEqualTo("[1,2");
    }

    @Test
    void aRegistryHoldingAnOutOfRangePortIsTreatedAsDamaged() throws Exception {
        localdb.run("port", "web").port();
        String registry = Files.readString(RegistryFile.path(home));
        Files.writeString(RegistryFile.path(home), registry.replaceFirst("\"port\"\\s*:\\s*\\d+", "\"port\" : 70000"));

        Result result = localdb.run("port", "api");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: ").contains(".corrupt-");
        assertThat(RegistryFile.allocations(home)).extracting(a -> a.get("project").asText()).containsExactly("api");
    }

    @Test
    void anUnknownCommandOrOptionIsBadInput() throws Exception {
        Result unknown = localdb.run("frobnicate");
        Result badOption = localdb.run("ports", "--colour");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.err()).contains("--help").doesNotContain("Exception");
    }

    @Test
    void anInvalidRangeSettingNamesTheVariable() throws Exception {
        Result result = localdb.env("LOCALDB_PORT_RANGES", "9000-8000").run("port", "web");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("LOCALDB_PORT_RANGES").doesNotContain("Exception");
    }

    @Test
    void helpAndVersionWorkEverywhere() throws Exception {
        assertThat(localdb.run("--help").out()).contains("port").contains("release").contains("ports");
        assertThat(localdb.run("port", "--help").out()).contains("<project>");
        assertThat(localdb.run("--version").out()).startsWith("localdb ");
    }

    @Test
    void noCommandGivesOneHintAndATimeoutThatIsNotANumberSaysSecondsNotLong() throws Exception {
        Result none = localdb.run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("error: Missing command, e.g. 'localdb start <project> --create' (try 'localdb --help')\n");

        for (String command : new String[] {"start", "stop"}) {
            Result result = localdb.run(command, "web", "--timeout", "abc");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(command).isEqualTo("error: Invalid value for option '--timeout': 'abc' is not a whole number of"
                    + " seconds, e.g. 10 (try 'localdb " + command + " --help')\n");
        }
    }
}
