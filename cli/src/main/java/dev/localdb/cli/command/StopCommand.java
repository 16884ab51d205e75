package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.StopResultText;
import dev.localdb.cli.output.Style;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.StopResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Stops a server that localdb verified as its own, and releases (but remembers) its port. */
@Command(name = "stop", description = "Stop the projects' servers ('localdb stop web api', or --all): SIGTERM, then SIGKILL after the timeout."
                + " Their ports are released but remembered.")
public final class StopCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", arity = "0..*", description = "Project names (one or more).")
    List<String> projects;

    @Option(names = "--all", description = "Stop every running project.")
    boolean all;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = WholeSeconds.class, defaultValue = "10",
            description = "How long the server gets to stop before it is killed (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    StopCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        boolean named = projects != null && !projects.isEmpty();
        if (all && named) {
            throw new InvalidInputException("give project names or --all, not both.");
        }
        if (!all && !named) {
            throw new InvalidInputException("Give either a project or --all, e.g. 'localdb stop web'.");
        }
        if (timeoutSeconds < 0) {
            throw new InvalidInputException("Invalid --timeout " + timeoutSeconds + ": give zero or more seconds.");
        }
        Duration grace = Duration.ofSeconds(timeoutSeconds);
        List<StopResult> results = all ? wiring.lifecycle().stopAll(grace) : stopEach(grace);
        var out = spec.commandLine().getOut();
        if (results.isEmpty()) {
            out.println("No project is running.");
        }
        int exitCode = ExitCode.OK;
        for (StopResult result : results) {
            if (result.outcome().ended()) {
                out.println(styled(result, grace, common.style(wiring.env())));
            } else {
                spec.commandLine().getErr().println(common.style(wiring.env()).failure("error: " + StopResultText.describe(result, grace)));
                exitCode = ExitCode.FAILURE;
            }
        }
        return exitCode;
    }

    /** Every name is checked first: a typo among them stops nothing. Each name once, in the order given. */
    private List<StopResult> stopEach(Duration grace) {
        Set<ProjectName> names = new LinkedHashSet<>();
        for (String project : projects) {
            names.add(ProjectName.of(project));
        }
        for (ProjectName name : names) {
            if (wiring.lifecycle().status(name).isEmpty()) {
                throw wiring.lifecycle().unknown(name);
            }
        }
        List<StopResult> results = new ArrayList<>();
        for (ProjectName name : names) {
            results.add(wiring.lifecycle().stop(name, grace));
        }
        return results;
    }

    /** Stopped or killed: a success line; found crashed: a failure line; not running: as is. */
    private static String styled(StopResult result, Duration grace, Style style) {
        return switch (result.outcome()) {
            case STOPPED, KILLED, LEFTOVERS_STOPPED -> style.success(StopResultText.describe(result, grace));
            case CRASHED, REFUSED, NOT_PERMITTED -> style.failure(StopResultText.describe(result, grace));
            case NOT_RUNNING -> StopResultText.describe(result, grace);
        };
    }
}
