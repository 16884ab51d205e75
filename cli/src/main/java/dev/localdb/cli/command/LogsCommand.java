package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLogs;
import dev.localdb.domain.project.ProjectStatus;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the project's server log ({@code runtime/<project>.log}); {@code -f} keeps following it. */
@Command(name = "logs", description = "Show the project's server log.")
public final class LogsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private static final long FOLLOW_INTERVAL_MS = 200;
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = {"-n", "--tail"}, paramLabel = "N",
            description = "Print only the last N lines (then keep following with -f).")
    Integer tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what the server writes (Ctrl-C to stop).")
    boolean follow;

    LogsCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        ProjectName name = ProjectName.of(project);
        ServerLogs logs = wiring.serverLogs();
        Optional<ProjectStatus> status = wiring.lifecycle().status(name);
        boolean written = logs.exists(name);
        if (!written && status.isEmpty()) {
            throw wiring.lifecycle().unknown(name);
        }
        if (!written && !follow) {
            throw new InvalidInputException("No log for " + name + " yet: it is written when 'localdb start " + name + "' runs the server.");
        }
        if (tail != null && tail < 0) {
            throw new InvalidInputException("--tail " + tail + " is negative: give how many of the last lines to print, e.g. --tail 20.");
        }
        if (follow && status.map(s -> s.state() != ProjectStatus.State.RUNNING).orElse(true)) {
            // Not an error: following a stopped project's log shows its next start as it happens.
            spec.commandLine().getErr().println(name + " is not running; waiting for its next start ('localdb start " + name
                    + "'). Ctrl-C stops waiting.");
            spec.commandLine().getErr().flush();
        }
        while (!logs.exists(name)) {
            Thread.sleep(FOLLOW_INTERVAL_MS);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ServerLogs.Reading reading = logs.open(name, tail == null ? OptionalInt.empty() : OptionalInt.of(tail))) {
            print(reading.read(), out);
            while (follow) {
                Thread.sleep(FOLLOW_INTERVAL_MS);
                print(reading.read(), out);
            }
        }
        return ExitCode.OK;
    }

    private static void print(String text, PrintWriter out) {
        if (!text.isEmpty()) {
            out.print(text);
            out.flush();
        }
    }
}
