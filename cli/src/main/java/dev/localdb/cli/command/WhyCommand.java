package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.WhyJson;
import dev.localdb.cli.output.WhyOutput;
import dev.localdb.domain.diagnostics.PortExplanation;
import dev.localdb.domain.model.PortNumber;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Who holds a port: the registry's view and the host's, side by side. Never writes. */
@Command(name = "why", description = {"Tell who holds a port: a localdb project (state, since when, PID), a program outside localdb "
                + "(PID and command line), both, or nobody; and whether the port is free.",
                "Exit codes: 0 answered, 2 the port is not a number from 1 to 65535, 4 the registry cannot be read safely."})
public final class WhyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    /** Accepted like everywhere; the answer is plain text either way. */
    @Parameters(paramLabel = "<port>", description = "A TCP port, 1-65535.")
    String port;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    WhyCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        PortNumber asked = PortNumber.parse(port);
        PortExplanation answer = wiring.portExplainer().explain(asked);
        var out = spec.commandLine().getOut();
        if (json) {
            WhyJson.write(answer, out);
        } else {
            WhyOutput.text(answer, out);
        }
        return ExitCode.OK;
    }
}
