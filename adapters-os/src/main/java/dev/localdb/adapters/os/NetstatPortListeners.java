package dev.localdb.adapters.os;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;
import java.util.ArrayList;
import java.util.List;

/**
 * Who listens on a port on Windows, from {@code netstat -ano -p TCP} and {@code -p TCPv6} (both
 * families; each lists one). PID 0 or 4 (System) stays an owner without a command line. When netstat
 * cannot run the answer is "cannot tell".
 */
final class NetstatPortListeners implements PortListeners {
    private final ExternalCommands tools;

    NetstatPortListeners(ExternalCommands tools) {
        this.tools = tools;
    }

    @Override
    public ListenerScan scan(PortNumber port) {
        List<ListeningSocketRow> rows = new ArrayList<>();
        for (String family : List.of("TCP", "TCPv6")) {
            ExternalCommands.Outcome outcome = tools.run(List.of("netstat", "-ano", "-p", family));
            if (!outcome.succeeded()) {
                return ListenerScan.unknown();
            }
            rows.addAll(NetstatOutput.parse(outcome.output()));
        }
        return ListenerScan.of(ListeningSocketRow.listenersOn(port.value(), rows));
    }
}
