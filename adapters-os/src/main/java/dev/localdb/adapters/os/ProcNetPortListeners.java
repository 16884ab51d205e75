package dev.localdb.adapters.os;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who listens on a port, from Linux's {@code /proc}: the listening sockets from
 * {@code /proc/net/tcp} and {@code tcp6}, their processes by matching each socket's inode to the
 * processes' open files. Only reads. Where there is no {@code /proc/net/tcp} (macOS, Windows, a
 * sandbox without /proc) the answer is "cannot tell", never "nothing listens".
 */
public final class ProcNetPortListeners implements PortListeners {
    private final Path proc;

    public ProcNetPortListeners() {
        this(Path.of("/proc"));
    }

    /** Reads another directory laid out like /proc (tests build one). */
    ProcNetPortListeners(Path proc) {
        this.proc = proc;
    }

    @Override
    public ListenerScan scan(PortNumber port) {
        Optional<List<ProcNetTcp.Socket>> sockets = ProcNetTcp.listeningOn(proc, port.value());
        if (sockets.isEmpty()) {
            return ListenerScan.unknown();
        }
        Map<Long, List<ListeningProcess>> owners = SocketOwners.of(proc,
                sockets.get().stream().map(ProcNetTcp.Socket::inode).collect(Collectors.toSet()));
        return ListenerScan.of(sockets.get().stream()
                .map(socket -> new PortListener(socket.address(), owners.getOrDefault(socket.inode(), List.of())))
                .toList());
    }
}
