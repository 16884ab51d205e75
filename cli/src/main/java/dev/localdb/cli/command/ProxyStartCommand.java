package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.proxy.ProxyControl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Brings the proxy up (once per home); says where it listens. */
@Command(name = "start", description = "Start the name proxy (nothing happens when it runs already).")
public final class ProxyStartCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    ProxyStartCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        boolean wasRunning = wiring.proxyControl().status().running();
        ProxyControl.Status status = wiring.proxyControl().start();
        spec.commandLine().getOut().println((wasRunning ? "The proxy already runs" : "Proxy started") + " (PID "
                + status.process().orElseThrow().pid() + "): " + ProxyUrls.pattern(status));
        return ExitCode.OK;
    }
}
