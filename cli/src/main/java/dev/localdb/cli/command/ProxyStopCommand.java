package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.model.ProcessIdentity;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Stops the proxy; the projects' servers keep running on their ports. */
@Command(name = "stop", description = "Stop the name proxy (the projects keep running on their ports).")
public final class ProxyStopCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    ProxyStopCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        Optional<ProcessIdentity> stopped = wiring.proxyControl().stop();
        spec.commandLine().getOut().println(stopped.map(p -> "Proxy stopped (PID " + p.pid() + ").")
                .orElse("The proxy is not running."));
        return ExitCode.OK;
    }
}
