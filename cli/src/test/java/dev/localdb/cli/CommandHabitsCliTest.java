package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.LocalDbHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** help, typos, global options before the command, stop's names (issue #14 item 10), in process. */
class CommandHabitsCliTest {
    @TempDir
    Path home;

    @Test
    void leadingGlobalOptionsMoveBehindTheCommandName() {
        assertThat(GlobalOptions.afterTheCommand(new String[] {"--verbose", "--no-color", "status", "web"}))
                .containsExactly("status", "--verbose", "--no-color", "web");
        assertThat(GlobalOptions.afterTheCommand(new String[] {"--json", "ports"})).containsExactly("ports", "--json");
        assertThat(GlobalOptions.afterTheCommand(new String[] {"status", "--verbose"})).containsExactly("status", "--verbose");
        assertThat(GlobalOptions.afterTheCommand(new String[] {"--verbose", "--help"})).as("no command: dropped").containsExactly("--help");
        assertThat(GlobalOptions.afterTheCommand(new String[] {"--timeout", "3", "stop"})).as("not a global option")
                .containsExactly("--timeout", "3", "stop");
        assertThat(GlobalOptions.afterTheCommand(new String[0])).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stauts | error: unknown command 'stauts': did you mean 'status'?",
            "stpo   | error: unknown command 'stpo': did you mean 'stop'?",
            "st     | error: unknown command 'st': did you mean 'start', 'status' or 'stop'?",
            "xyzzy  | error: unknown command 'xyzzy' (try 'localdb --help')",
            "hepl   | error: unknown command 'hepl': did you mean 'help'?",
    })
    void aMistypedCommandGetsOneLineAndExitCode2(String typed, String line) {
        Outcome outcome = run(typed);

        assertThat(outcome.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err()).isEqualTo(line + "\n");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void aMistypedCommandInEscapesIsShownEscaped() {
        assertThat(run("st\u001b[31m").err()).startsWith("error: unknown command 'st\\u001b[31m'").doesNotContain("\u001b");
    }

    @Test
    void helpOfACommandIsItsUsage() {
        Outcome help = run("help", "rm");

        assertThat(help.code()).isZero();
        assertThat(help.out()).isEqualTo(run("rm", "--help").out()).startsWith("Usage: localdb rm");
        assertThat(run("--verbose", "help", "edit").out()).startsWith("Usage: localdb edit");
        assertThat(run("help", "nosuch").err()).isEqualTo("error: unknown command 'nosuch' (try 'localdb --help')\n");
    }

    @Test
    void stopRefusesNamesWithAll() {
        Outcome both = run("stop", "--all", "web");

        assertThat(both.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).isEqualTo("error: give project names or --all, not both.\n");
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, Map.of(LocalDbHome.ENV, home.toString()), home.toString(), new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private record Outcome(int code, String out, String err) {
    }
}
