package dev.localdb.adapters.os;

import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One listening socket a tool (lsof, netstat) reported: its local address (as users write it:
 * {@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0}, {@code ::}), its port and the PID holding it.
 *
 * @param command what the tool named the process by (lsof's short name), empty when it says nothing
 */
record ListeningSocketRow(String address, int port, long pid, String command) {

    /**
     * The rows on {@code port} as listeners, one per address with every process holding it. A
     * process's command line comes from {@link ProcessHandle} when the JDK can tell, else from the tool.
     */
    static List<PortListener> listenersOn(int port, List<ListeningSocketRow> rows) {
        Map<String, List<ListeningProcess>> byAddress = new LinkedHashMap<>();
        for (ListeningSocketRow row : rows) {
            if (row.port() != port) {
                continue;
            }
            List<ListeningProcess> processes = byAddress.computeIfAbsent(row.address(), a -> new ArrayList<>());
            if (row.pid() > 0 && processes.stream().noneMatch(p -> p.pid() == row.pid())) {
                processes.add(new ListeningProcess(row.pid(), 0, commandLineOf(row.pid()).orElse(row.command())));
            }
        }
        List<PortListener> listeners = new ArrayList<>();
        byAddress.forEach((address, processes) -> listeners.add(new PortListener(address, processes)));
        return listeners;
    }

    private static Optional<String> commandLineOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).filter(line -> !line.isBlank());
    }

    /** "[::1]" → "::1", "*" → the wildcard of the family ({@code 0.0.0.0} or {@code ::}). */
    static String plainAddress(String host, boolean ipv6) {
        if (host.equals("*")) {
            return ipv6 ? "::" : "0.0.0.0";
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
