package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code localdb config}, in process: values with their sources, JSON, the path, and it never writes. */
class ConfigCommandTest {
    @TempDir
    Path sandbox;

    private Path home() {
        return sandbox.resolve("home");
    }

    private void writeConfig(String json) throws Exception {
        Files.createDirectories(home());
        Files.createFile(home().resolve("config.json"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(home().resolve("config.json"), json);
    }

    @Test
    void eachValueIsShownWithItsSourceInAlignedColumns() throws Exception {
        writeConfig("{\"portRanges\": [\"8000-8099\"], \"lockTimeoutMs\": 2500}");

        Run run = run(Map.of("LOCALDB_CLEANUP_INTERVAL_SECONDS", "60"), "config");

        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Config file: " + home().resolve("config.json"));
        assertThat(lines).contains(
                "KEY                     VALUE      SOURCE",
                "portRanges              8000-8099  " + home().resolve("config.json"),
                "preferredPort           8000       default (first port of portRanges)",
                "excludedPorts           none       default",
                "useDefaultExclusions    true       default",
                "lockTimeoutMs           2500       " + home().resolve("config.json"),
                "cleanupIntervalSeconds  60         LOCALDB_CLEANUP_INTERVAL_SECONDS",
                "logs.maxBytes           10485760   default");
        // No built-in port lies in 8000-8099, so none is listed.
        assertThat(run.out()).contains("Never handed out:").contains("OS ephemeral port range")
                .doesNotContain("Not chosen unless").doesNotContain("5432");
    }

    @Test
    void builtInExclusionsInsideTheRangesAreListedWithTheirReasons() {
        Run run = run(Map.of(), "config");

        assertThat(run.out()).contains("(not found; defaults apply)")
                .containsPattern("\\n  5000, 7000 +AirPlay Receiver")
                .containsPattern("\\n  5432 +PostgreSQL")
                .contains("6665-6669");
    }

    @Test
    void withoutDefaultExclusionsNoneAreListed() {
        Run run = run(Map.of("LOCALDB_USE_DEFAULT_EXCLUSIONS", "false"), "config");

        assertThat(run.out()).doesNotContain("PostgreSQL").doesNotContain("Not chosen unless");
    }

    @Test
    void jsonHasEveryKeyWithValueAndSource() throws Exception {
        writeConfig("{\"excludedPorts\": [8080, \"9000-9009\"]}");

        Run run = run(Map.of("LOCALDB_PORT_RANGES", "7000-7099"), "config", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out())
                .contains("\"configFile\":\"" + home().resolve("config.json") + "\",\"configFileFound\":true")
                .contains("\"portRanges\":{\"value\":[\"7000-7099\"],\"source\":\"LOCALDB_PORT_RANGES\",\"sourceKind\":\"environment\"}")
                .contains("\"preferredPort\":{\"value\":7000,\"source\":\"default\",\"sourceKind\":\"default\"}")
                .contains("\"excludedPorts\":{\"value\":[\"8080\",\"9000-9009\"],\"source\":\"" + home().resolve("config.json")
                        + "\",\"sourceKind\":\"file\"}")
                .contains("\"useDefaultExclusions\":{\"value\":true,")
                .contains("\"lockTimeoutMs\":{\"value\":10000,")
                .contains("\"ephemeralPorts\":{\"range\":\"32768-60999\"")
                .contains("{\"ports\":[\"5000\",\"7000\"],\"reason\":\"AirPlay Receiver");
    }

    @Test
    void pathPrintsTheFileEvenWhenItIsBroken() throws Exception {
        writeConfig("{broken");

        Run run = run(Map.of(), "config", "--path");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(home().resolve("config.json") + System.lineSeparator());
    }

    @Test
    void configNeverWritesAnything() throws Exception {
        run(Map.of(), "config");
        run(Map.of(), "config", "--json");
        run(Map.of(), "config", "--path");

        assertThat(home()).doesNotExist();
        try (Stream<Path> files = Files.list(sandbox)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBadValueIsOneLineWithExitCode2() throws Exception {
        writeConfig("{\"lockTimeoutMs\": -5}");

        Run run = run(Map.of(), "config");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("error: Config file " + home().resolve("config.json")
                + ": \"lockTimeoutMs\": -5 is invalid: use whole milliseconds from 1 to 600000. Example: \"lockTimeoutMs\": 10000");
    }

    @Test
    void aFileOthersCanWriteIsRefusedWithExitCode4() throws Exception {
        writeConfig("{}");
        Files.setPosixFilePermissions(home().resolve("config.json"), PosixFilePermissions.fromString("rw-rw-rw-"));

        Run run = run(Map.of(), "port", "web");

        assertThat(run.code()).isEqualTo(ExitCode.REGISTRY_UNAVAILABLE);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: Config file ").contains("chmod 600");
        assertThat(home().resolve("runtime")).doesNotExist();
    }

    private Run run(Map<String, String> extraEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("LOCALDB_HOME", home().toString());
        int code = LocalDbCli.run(args, env, "/nonexistent", new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
