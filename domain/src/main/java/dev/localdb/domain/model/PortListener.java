package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.util.List;

/**
 * One socket listening on a port.
 *
 * @param address   the local address it listens on, as text (e.g. {@code 127.0.0.1}, {@code ::})
 * @param processes the processes that have it open (usually one; a server that forks workers
 *                  shares it); empty when none could be found, e.g. the socket belongs to
 *                  another user whose processes we may not look into
 */
public record PortListener(String address, List<ListeningProcess> processes) {
    public PortListener {
        if (address == null || address.isBlank() || processes == null) {
            throw new InvalidInputException("A port listener needs an address and its processes (or none).");
        }
        processes = List.copyOf(processes);
    }

    /** True when the socket exists but its owner could not be found. */
    public boolean ownerUnknown() {
        return processes.isEmpty();
    }
}
