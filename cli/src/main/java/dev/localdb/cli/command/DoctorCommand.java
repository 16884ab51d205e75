package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.doctor.Doctor;
import dev.localdb.cli.output.DoctorOutput;
import dev.localdb.domain.diagnostics.HealthCheck;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks the home, the registry and the network setup. Read-only: it never repairs anything. */
@Command(name = "doctor", description = {"Check the home directory, the registry, IPv6, the port ranges and the proxy's ports: one line per check, "
                + "each problem with what to do. Changes nothing.",
                "Exit codes: 0 no problem found (info lines do not count), 1 at least one problem."})
public final class DoctorCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    DoctorCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        List<HealthCheck> checks = new Doctor(wiring).examine(Instant.now());
        var out = spec.commandLine().getOut();
        if (json) {
            DoctorOutput.json(checks, out);
        } else {
            DoctorOutput.text(checks, common.style(wiring.env()), out);
        }
        return DoctorOutput.problems(checks) == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }
}
