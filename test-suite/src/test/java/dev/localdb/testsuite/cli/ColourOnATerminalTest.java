package dev.localdb.testsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.PseudoTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour (ANSI escapes) and ✓ only for a person at a terminal: bin/localdb under a
 * pseudo-terminal shows them; NO_COLOR, --no-color, TERM=dumb and a pipe each turn them off,
 * and then the output is exactly what a pipe gets.
 */
class ColourOnATerminalTest {
    private static final String ESC = "\u001b[";
    /** A terminal that wants colour, whatever the environment running the tests says (NO_COLOR="" counts as unset). */
    private static final Map<String, String> COLOUR_TERMINAL = Map.of("TERM", "xterm-256color", "NO_COLOR", "");

    @TempDir
    Path sandbox;
    Path home;
    LocalDbRunner localdb;

    @BeforeEach
    void aStoppedProjectAndAReservedPort() throws Exception {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux 'script' (/usr/bin/script) is needed for a pseudo-terminal");
        home = Files.createDirectory(sandbox.resolve("home"));
        localdb = new LocalDbRunner(home).env("NO_COLOR", "");
        assertThat(localdb.run("new", "site").exitCode()).isZero();
        localdb.run("port", "tool").port();
    }

    @Test
    void statusIsColouredOnATerminalOnly() throws Exception {
        Result coloured = terminal(Map.of(), "status");
        assertThat(coloured.exitCode()).as(coloured.toString()).isZero();
        assertThat(coloured.out()).contains(ESC + "2mstopped" + ESC + "0m");

        String piped = localdb.run("status").out();
        assertThat(piped).contains("stopped").doesNotContain(ESC);
        assertThat(terminal(Map.of("NO_COLOR", "1"), "status").out()).isEqualTo(piped);
        assertThat(terminal(Map.of(), "status", "--no-color").out()).isEqualTo(piped);
        assertThat(terminal(Map.of("TERM", "dumb"), "status").out()).isEqualTo(piped);
    }

    @Test
    void releaseGetsAGreenTickAndPortsAColouredStateOnATerminalOnly() throws Exception {
        Result released = terminal(Map.of(), "release", "tool");
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.out()).startsWith(ESC + "32m✓ Released port ");
        assertThat(terminal(Map.of(), "ports").out()).contains(ESC + "2mreleased" + ESC + "0m");

        String piped = localdb.run("ports").out();
        assertThat(piped).contains("released").doesNotContain(ESC);
        assertThat(terminal(Map.of("NO_COLOR", "1"), "ports").out()).isEqualTo(piped);
        assertThat(terminal(Map.of(), "ports", "--no-color").out()).isEqualTo(piped);
        assertThat(localdb.run("release", "tool").out()).startsWith("Project tool holds no port").doesNotContain(ESC);
    }

    @Test
    void jsonIsNeverColoured() throws Exception {
        Result json = terminal(Map.of(), "status", "--json");

        assertThat(json.out()).startsWith("{\"projects\":[").doesNotContain(ESC);
    }

    private Result terminal(Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(COLOUR_TERMINAL);
        all.putAll(env);
        return PseudoTerminal.run(home, all, args);
    }
}
