package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.PortsJson;
import dev.localdb.cli.output.PortsTable;
import dev.localdb.domain.allocation.RegistryView;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Who holds which port. Only {@code --cleanup} writes; the plain listing never does. */
@Command(name = "ports", description = "List every allocation: project, port, state (active / reserved / released / stale), PID, since when.")
public final class PortsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--cleanup", description = "First remove stale allocations (their projects remember the ports).")
    boolean cleanup;

    PortsCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        OptionalInt cleaned = cleanup ? OptionalInt.of(wiring.allocator().cleanup()) : OptionalInt.empty();
        if (cleanup) {
            int files = wiring.lifecycle().removeLeftoverServerFiles();
            if (files > 0 && common.verbose()) {
                spec.commandLine().getErr().println("Removed " + files + " server.json file(s) left by servers that are gone.");
            }
        }
        RegistryView view = wiring.allocator().view();
        if (json) {
            PortsJson.write(view, cleaned, out);
        } else {
            cleaned.ifPresent(n -> out.println("Cleaned " + n + " stale allocation(s)"));
            PortsTable.write(view, out, common.style(wiring.env()));
        }
        return ExitCode.OK;
    }
}
