package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.NamedPortsText;
import dev.localdb.cli.output.StopResultText;
import dev.localdb.cli.terminal.Terminal;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.domain.project.ProjectRemoval;
import dev.localdb.domain.project.ProjectStatus;
import dev.localdb.domain.project.StopResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Removes a project: stops its server (after a question at a terminal, or with --force), forgets
 * its ports, deletes its folder and log. Its data is moved aside, not deleted, unless --purge.
 * {@link ProjectRemoval} does the work, each step only when the one before it worked.
 */
@Command(name = "rm", description = {"Remove a project: stop its server (asks first; --force does not), forget its ports, delete its folder and log.",
                "Its data is kept in $LOCALDB_HOME/removed/<project>/ unless --purge."})
public final class RmCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = {"-f", "--force"}, description = "Do not ask: stop a running server (and with --purge delete the data) without a question.")
    boolean force;

    @Option(names = "--purge", description = "Delete the project's data (its documents) too, instead of keeping it.")
    boolean purge;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = WholeSeconds.class, defaultValue = "10",
            description = "How long a running server gets to stop before it is killed (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    RmCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        ProjectStatus status = wiring.lifecycle().status(name).orElseThrow(() -> wiring.lifecycle().unknown(name));
        boolean running = status.state() == ProjectStatus.State.RUNNING;
        PrintWriter out = spec.commandLine().getOut();
        if ((running || purge) && !force && !confirmed(name, status, running)) {
            out.println("Nothing removed.");
            return ExitCode.FAILURE;
        }
        Duration grace = Duration.ofSeconds(timeoutSeconds);
        ProjectRemoval.Result result = wiring.removal().remove(status, purge, grace);
        if (!result.removed()) {
            spec.commandLine().getErr().println(common.style(wiring.env()).failure("error: "
                    + StopResultText.describe(result.stop().orElseThrow(), grace) + " Nothing was removed."));
            return ExitCode.FAILURE;
        }
        Optional<String> stopped = result.stop().flatMap(StopResult::server).map(server -> switch (result.stop().get().outcome()) {
            case KILLED -> "killed its server (PID " + server.pid() + ")";
            case CRASHED -> "cleaned up after its crashed server (PID " + server.pid() + ")";
            default -> "stopped its server (PID " + server.pid() + ")";
        });
        Optional<Allocation> forgotten = result.forgotten();
        Optional<ProjectCatalog.Removal> removal = result.removal();
        StringBuilder done = new StringBuilder("Removed project " + name + ":");
        stopped.ifPresent(s -> done.append(' ').append(s).append(','));
        done.append(forgotten.map(a -> " forgot " + NamedPortsText.phrase(a.port(), a.namedPorts()) + ",").orElse(""));
        done.append(removal.isPresent() ? " deleted its folder " + wiring.home().project(name) + "." : " it had no folder (only its ports).");
        out.println(common.style(wiring.env()).success(done.toString()));
        removal.ifPresent(r -> out.println(r.keptData()
                .map(kept -> "Its data is kept in " + kept + " (a new " + name + " starts with none; delete the folder when you no longer need it).")
                .orElse(purge && r.hadData() ? "Its data was deleted." : "It had no data" + (purge ? "." : " to keep."))));
        return ExitCode.OK;
    }

    /** Asks at a terminal; without one there is nobody to ask, and stdin is never read. */
    private boolean confirmed(ProjectName name, ProjectStatus status, boolean running) {
        String what = running ? "Stop and remove " + name + (purge ? " and delete its data" : "") : "Remove " + name + " and delete its data";
        if (!Terminal.detect(wiring.env()).interactive()) {
            String why = running ? "Project " + name + " is running" + status.port().map(p -> " on port " + p).orElse("")
                    + ": 'localdb rm' would stop it" : "--purge deletes the data of " + name;
            throw new InvalidInputException(why + ", and there is no terminal to ask at; add --force to do it without a question"
                    + " ('localdb rm " + name + (purge ? " --purge" : "") + " --force').");
        }
        String answer = System.console().readLine("%s? [y/N] ", what);
        return answer != null && (answer.trim().toLowerCase(Locale.ROOT).equals("y") || answer.trim().toLowerCase(Locale.ROOT).equals("yes"));
    }
}
