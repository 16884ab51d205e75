package dev.localdb.cli.doctor;

import dev.localdb.adapters.os.UnprivilegedPorts;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Can the name proxy listen where it is configured to? A running proxy answers that itself;
 * otherwise each port must be free and, below {@code ip_unprivileged_port_start}, allowed.
 * A blocked port is a problem only while {@code localdb start} would bring the proxy up.
 */
final class ProxyPortsCheck {
    static final String NAME = "proxy ports";

    private final Wiring wiring;

    ProxyPortsCheck(Wiring wiring) {
        this.wiring = wiring;
    }

    HealthCheck examine() {
        ProxyControl.Status status = wiring.proxyControl().status();
        if (status.running()) {
            return HealthCheck.ok(NAME, "the proxy runs (PID " + status.process().orElseThrow().pid() + ") on "
                    + status.httpPort() + " (http) and " + status.httpsPort() + " (https).");
        }
        List<String> blocked = new ArrayList<>();
        for (int port : List.of(status.httpPort(), status.httpsPort())) {
            blockedBecause(port).ifPresent(blocked::add);
        }
        if (blocked.isEmpty()) {
            return HealthCheck.ok(NAME, status.httpPort() + " (http) and " + status.httpsPort()
                    + " (https) are free; the proxy starts on them with the next 'localdb start'.");
        }
        String message = String.join("; ", blocked) + "; set proxy.httpPort / proxy.httpsPort (docs/PROXY.md).";
        return wiring.configuration().proxy().autoStart() ? HealthCheck.problem(NAME, message)
                : HealthCheck.info(NAME, message + " (the proxy is off: nothing to do unless you turn it on)");
    }

    private Optional<String> blockedBecause(int port) {
        int unprivileged = UnprivilegedPorts.start();
        if (port < unprivileged && !UnprivilegedPorts.runningAsRoot()) {
            return Optional.of("port " + port + " is below net.ipv4.ip_unprivileged_port_start (" + unprivileged
                    + "), so only root may listen on it: run 'sudo sysctl net.ipv4.ip_unprivileged_port_start=" + port
                    + "' (localdb never runs sudo)");
        }
        if (wiring.probe().isFree(PortNumber.of(port))) {
            return Optional.empty();
        }
        return Optional.of("port " + port + " is taken by " + holders(port));
    }

    private String holders(int port) {
        List<ListeningProcess> processes = wiring.portListeners().scan(PortNumber.of(port)).listeners().stream()
                .map(PortListener::processes).flatMap(List::stream).distinct().toList();
        if (processes.isEmpty()) {
            return "a program localdb cannot identify ('localdb why " + port + "')";
        }
        return processes.stream().map(p -> "PID " + p.pid() + " (" + shortened(p.commandLine()) + ")").collect(Collectors.joining(", "));
    }

    private static String shortened(String commandLine) {
        return commandLine.length() <= 60 ? commandLine : commandLine.substring(0, 57) + "...";
    }
}
