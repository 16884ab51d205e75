package dev.localdb.adapters.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's tables of TCP sockets, {@code /proc/net/tcp} and {@code /proc/net/tcp6} (what
 * {@code ss -ltn} reads). A line reads {@code sl local_address rem_address st ... inode ...}, with
 * the local address as hex words and the port as hex; state {@code 0A} is LISTEN.
 */
final class ProcNetTcp {
    /** A listening socket: where it listens and the inode its file descriptors point to. */
    record Socket(String address, long inode) {
    }

    private static final String LISTEN = "0A";
    private static final int LOCAL_ADDRESS = 1;
    private static final int STATE = 3;
    private static final int INODE = 9;

    private ProcNetTcp() {
    }

    /**
     * The sockets listening on {@code port}; empty when the IPv4 table cannot be read (not Linux, or
     * no /proc). The IPv6 table is missing on hosts without IPv6, which hides nothing.
     */
    static Optional<List<Socket>> listeningOn(Path proc, int port) {
        Path net = proc.resolve("net");
        Optional<List<String>> ipv4 = lines(net.resolve("tcp"));
        if (ipv4.isEmpty()) {
            return Optional.empty();
        }
        List<Socket> found = new ArrayList<>(parse(ipv4.get(), port));
        lines(net.resolve("tcp6")).ifPresent(ipv6 -> found.addAll(parse(ipv6, port)));
        return Optional.of(List.copyOf(found));
    }

    static List<Socket> parse(List<String> table, int port) {
        List<Socket> found = new ArrayList<>();
        // The first line is the column header.
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length <= INODE || !LISTEN.equals(fields[STATE])) {
                continue;
            }
            int colon = fields[LOCAL_ADDRESS].indexOf(':');
            try {
                if (colon > 0 && Integer.parseInt(fields[LOCAL_ADDRESS].substring(colon + 1), 16) == port) {
                    String address = SocketAddressText.fromProcHex(fields[LOCAL_ADDRESS].substring(0, colon));
                    found.add(new Socket(address, Long.parseLong(fields[INODE])));
                }
            } catch (IllegalArgumentException odd) {
                // A line this version cannot read names no socket we could explain; skip it.
            }
        }
        return found;
    }

    private static Optional<List<String>> lines(Path table) {
        try {
            return Optional.of(Files.readAllLines(table, StandardCharsets.ISO_8859_1));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // missing (no IPv6, not Linux) or unreadable: nothing to tell
        }
    }
}
