package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.StatusOutput;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Every project (or one) with its state, port, URL, PID and uptime. Never writes. */
@Command(name = "status", description = "Show projects: state (running / stopped / crashed), port, URL, PID, uptime.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", arity = "0..1", description = "Only this project.")
    String project;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    StatusCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        List<ProjectStatus> statuses;
        if (project == null) {
            statuses = wiring.lifecycle().statuses();
        } else {
            ProjectName name = ProjectName.of(project);
            statuses = List.of(wiring.lifecycle().status(name).orElseThrow(() -> wiring.lifecycle().unknown(name)));
        }
        var out = spec.commandLine().getOut();
        var proxy = wiring.proxyControl().status();
        java.util.Optional<Integer> proxyPort = proxy.running() ? java.util.Optional.of(proxy.httpPort()) : java.util.Optional.empty();
        if (json) {
            StatusOutput.json(statuses, out, proxyPort);
        } else {
            StatusOutput.table(statuses, Instant.now(), out, common.style(wiring.env()), proxyPort);
        }
        return ExitCode.OK;
    }
}
