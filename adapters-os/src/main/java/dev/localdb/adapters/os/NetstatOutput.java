package dev.localdb.adapters.os;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Windows's {@code netstat -ano -p TCP} / {@code -p TCPv6} output: after a header, one row per
 * connection, {@code Proto  Local Address  Foreign Address  State  PID}, e.g.
 * {@code TCP    127.0.0.1:3000   0.0.0.0:0   LISTENING   5678}. The state word is translated in
 * other languages (German "ABHÖREN"), so a listener is recognised by its foreign address, which
 * is {@code 0.0.0.0:0} or {@code [::]:0} only for listening sockets.
 */
final class NetstatOutput {
    private NetstatOutput() {
    }

    static List<ListeningSocketRow> parse(String output) {
        List<ListeningSocketRow> rows = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length != 5 || !fields[0].equalsIgnoreCase("TCP")
                    || !(fields[2].equals("0.0.0.0:0") || fields[2].equals("[::]:0"))) {
                continue;
            }
            int colon = fields[1].lastIndexOf(':');
            if (colon < 1) {
                continue;
            }
            try {
                int port = Integer.parseInt(fields[1].substring(colon + 1));
                long pid = Long.parseLong(fields[4]);
                String host = fields[1].substring(0, colon);
                rows.add(new ListeningSocketRow(ListeningSocketRow.plainAddress(host, host.startsWith("[")), port, pid, ""));
            } catch (NumberFormatException e) {
                // not a row (a header in another language, a wrapped line)
            }
        }
        return rows;
    }
}
