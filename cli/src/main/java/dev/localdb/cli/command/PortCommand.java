package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.allocation.AllocationResult;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.ProjectName;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints only the port number, so that {@code PORT=$(localdb port web) npm run dev} works; with
 * {@code --name api}, the project's named port: {@code PORT_API=$(localdb port web --name api)}.
 */
@Command(name = "port", description = "Reserve a port for the project (or print the one it holds). Prints only the number.")
public final class PortCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name: 1-64 of a-z 0-9 . _ - (starting with a letter or digit).")
    String project;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Print this named port of the project (one of its --port-name) instead of its main port.")
    String portName;

    PortCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        if (portName != null) {
            return printNamedPort(name, PortName.of(portName));
        }
        // The project's named ports are reserved with it (all or none), but only the main port is printed.
        AllocationResult result = wiring.lifecycle().reserve(name, List.of());
        spec.commandLine().getOut().println(result.allocation().port());
        if (common.verbose()) {
            spec.commandLine().getErr().println("chosen by rule: " + result.rule());
        }
        return ExitCode.OK;
    }

    /** {@code localdb port web --name api}: reserves all of the project's ports and prints the named one. */
    private int printNamedPort(ProjectName name, PortName wanted) {
        AllocationResult result = wiring.lifecycle().reserveNamed(name, wanted);
        spec.commandLine().getOut().println(result.allocation().namedPorts().get(wanted));
        if (common.verbose()) {
            spec.commandLine().getErr().println("chosen by rule: " + result.namedRules().get(wanted));
        }
        return ExitCode.OK;
    }
}
