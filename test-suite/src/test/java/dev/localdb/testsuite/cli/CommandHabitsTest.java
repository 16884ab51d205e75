package dev.localdb.testsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The habits of git, gh and docker (issue #14 item 10): help, typos, options before the command, several names for stop. */
class CommandHabitsTest {
    private static final Pattern PID = Pattern.compile("PID: (\\d+)\\n");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void helpOfACommandIsItsHelpOnStdoutWithExitCode0() throws Exception {
        Result help = sandbox.localdb().run("help", "stop");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).startsWith("Usage: localdb stop").isEqualTo(sandbox.localdb().run("stop", "--help").out());
        Result list = sandbox.localdb().run("help");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo(sandbox.localdb().run("--help").out()).contains("rm", "edit", "help");
        Result unknown = sandbox.localdb().run("help", "stpo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: unknown command 'stpo': did you mean 'stop'?\n");
    }

    @Test
    void aMistypedCommandGetsOneLineWithTheClosestCommandAndExitCode2() throws Exception {
        Result typo = sandbox.localdb().run("stauts");

        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).isEqualTo("error: unknown command 'stauts': did you mean 'status'?\n");
        assertThat(sandbox.localdb().run("xyzzy").err()).isEqualTo("error: unknown command 'xyzzy' (try 'localdb --help')\n");
    }

    @Test
    void globalOptionsMayComeBeforeTheCommand() throws Exception {
        sandbox.localdb().run("new", "web");

        Result verbose = sandbox.localdb().run("--verbose", "status");
        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(verbose.out()).isEqualTo(sandbox.localdb().run("status", "--verbose").out()).contains("web");
        Result json = sandbox.localdb().run("--no-color", "--json", "status");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).startsWith("{\"projects\":[");
        Result noJson = sandbox.localdb().run("--json", "stop", "web");
        assertThat(noJson.exitCode()).as("--json only where the command has it").isEqualTo(2);
        assertThat(noJson.err()).isEqualTo("error: Unknown option: '--json' (try 'localdb stop --help')\n");
        Result failing = sandbox.localdb().run("--verbose", "status", "nosuch");
        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.err()).contains("No project nosuch.");
    }

    @Test
    void stopTakesSeveralNamesAndRefusesNamesWithAll() throws Exception {
        long a = pid(sandbox.localdb().run("start", "a", "--create", "--no-browser"));
        long b = pid(sandbox.localdb().run("start", "b", "--create", "--no-browser"));
        int portA = RegistryFile.allocation(sandbox.home(), "a").get("port").asInt();
        int portB = RegistryFile.allocation(sandbox.home(), "b").get("port").asInt();

        Result both = sandbox.localdb().run("stop", "--all", "a");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("error: give project names or --all, not both.\n");
        assertThat(Processes.isRunning(a)).isTrue();
        Result typo = sandbox.localdb().run("stop", "a", "bb");
        assertThat(typo.exitCode()).as("a typo among the names stops nothing").isEqualTo(2);
        assertThat(typo.err()).contains("No project bb. Did you mean b");
        assertThat(Processes.isRunning(a)).isTrue();

        Result stop = sandbox.localdb().run("stop", "a", "b");

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("Stopped a (port " + portA).contains("Stopped b (port " + portB);
        assertThat(Processes.isRunning(a)).isFalse();
        assertThat(Processes.isRunning(b)).isFalse();
        assertThat(QuietPorts.bindable(portA)).isTrue();
        assertThat(QuietPorts.bindable(portB)).isTrue();
    }

    private static long pid(Result started) {
        Matcher matcher = PID.matcher(started.out());
        assertThat(matcher.find()).as(started.toString()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
