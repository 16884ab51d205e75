package dev.localdb.domain.port;

import dev.localdb.domain.model.PortNumber;

/** Asks the host whether a server could listen on a port right now. */
public interface PortProbe {
    /**
     * True only when nothing on this host holds the port on any address a local server may use
     * (the IPv4 and IPv6 wildcards and loopback). A port the OS forbids us is not free.
     */
    boolean isFree(PortNumber port);
}
