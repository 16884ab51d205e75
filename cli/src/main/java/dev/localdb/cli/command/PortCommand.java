package dev.localdb.cli.command;

import dev.localdb.cli.Wiring;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationResult;
import dev.localdb.domain.model.ProjectName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints only the port number, so that {@code PORT=$(localdb port web) npm run dev} works. */
@Command(name = "port", mixinStandardHelpOptions = true,
        description = "Reserve a port for the project (or print the one it holds). Prints only the number.")
public final class PortCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "<project>", description = "Project name: 1-64 of a-z 0-9 . _ - (starting with a letter or digit).")
    String project;

    PortCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        AllocationResult result = wiring.allocator().allocate(AllocationRequest.reservation(ProjectName.of(project)));
        spec.commandLine().getOut().println(result.allocation().port());
        if (verbose.enabled()) {
            spec.commandLine().getErr().println("chosen by rule: " + result.rule());
        }
        return 0;
    }
}
