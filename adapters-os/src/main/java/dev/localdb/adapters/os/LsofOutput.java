package dev.localdb.adapters.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code lsof -F pcnt} output (lsof(8), "OUTPUT FOR OTHER PROGRAMS"): one field per line, its
 * first character naming it. {@code p} starts a process (PID), {@code c} is its command name,
 * {@code f} (when lsof adds it) starts a file, {@code t} is the file's type ({@code IPv4} or
 * {@code IPv6}) and {@code n} its name, here {@code host:port} ({@code *:3000}, {@code 127.0.0.1:3000},
 * {@code [::1]:3000}). Lines it does not know (lsof's warnings) are skipped.
 */
final class LsofOutput {
    private LsofOutput() {
    }

    static List<ListeningSocketRow> parse(String output) {
        List<ListeningSocketRow> rows = new ArrayList<>();
        long pid = 0;
        String command = "";
        String type = "";
        for (String line : output.split("\n")) {
            line = line.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            String value = line.substring(1);
            switch (line.charAt(0)) {
                case 'p' -> {
                    pid = parsePid(value);
                    command = "";
                    type = "";
                }
                case 'c' -> command = value;
                case 'f' -> type = "";
                case 't' -> type = value;
                case 'n' -> {
                    nameRow(value, type, pid, command).ifPresent(rows::add);
                    type = "";
                }
                default -> {
                    // a field we did not ask for, or a warning line
                }
            }
        }
        return rows;
    }

    private static long parsePid(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code host:port}, possibly followed by "->peer" for a connection (not a listener: skipped). */
    private static Optional<ListeningSocketRow> nameRow(String name, String type, long pid, String command) {
        int colon = name.lastIndexOf(':');
        if (pid <= 0 || colon < 1 || name.contains("->")) {
            return Optional.empty();
        }
        String host = name.substring(0, colon);
        try {
            int port = Integer.parseInt(name.substring(colon + 1).strip());
            boolean ipv6 = type.equals("IPv6") || host.startsWith("[");
            return Optional.of(new ListeningSocketRow(ListeningSocketRow.plainAddress(host, ipv6), port, pid, command));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a service name: -P was not honoured
        }
    }
}
