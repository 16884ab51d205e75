package dev.localdb.domain.port;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.PortNumber;

/** Asks the host who listens on a port: the sockets and the processes behind them. Never changes anything. */
public interface PortListeners {
    /**
     * Every TCP socket listening on {@code port} (any local address, IPv4 and IPv6), each with the
     * processes that have it open; {@link ListenerScan#unknown()} when this host cannot tell.
     */
    ListenerScan scan(PortNumber port);
}
