package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.ProxyStatusJson;
import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.routing.Route;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Whether the proxy runs, where, and every name it routes (the same names whether it runs or not). */
@Command(name = "status", description = "Show whether the name proxy runs, its ports and every name it routes.")
public final class ProxyStatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    private final Wiring wiring;

    ProxyStatusCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        ProxyControl.Status status = wiring.proxyControl().status();
        List<Route> routes = wiring.proxyRoutes().current().routes();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ProxyStatusJson.write(status, routes, out);
            return ExitCode.OK;
        }
        out.println(status.running()
                ? "Proxy: running (PID " + status.process().get().pid() + ") on " + ProxyUrls.pattern(status)
                : "Proxy: not running (it would use port " + status.httpPort() + "; 'localdb proxy start' starts it)");
        if (routes.isEmpty()) {
            out.println("No names yet: 'localdb new <project>' adds one.");
            return ExitCode.OK;
        }
        int width = Math.max(4, routes.stream().mapToInt(r -> r.host().length()).max().orElse(4));
        out.println(String.format("%-" + width + "s  %-5s  %s", "HOST", "PORT", "STATE"));
        for (Route route : routes) {
            out.println(String.format("%-" + width + "s  %-5s  %s", Printable.escaped(route.host()),
                    route.port().map(PortNumber::toString).orElse("-"), route.state().label()));
        }
        return ExitCode.OK;
    }
}
