package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.util.List;

/**
 * What the host says about the sockets listening on one port.
 *
 * @param known     false when this host cannot tell at all (not Linux, or no readable {@code /proc});
 *                  then {@code listeners} is empty and means nothing
 * @param listeners every socket listening on the port
 */
public record ListenerScan(boolean known, List<PortListener> listeners) {
    private static final ListenerScan UNKNOWN = new ListenerScan(false, List.of());

    public ListenerScan {
        if (listeners == null) {
            throw new InvalidInputException("A listener scan needs its listeners (or none).");
        }
        if (!known && !listeners.isEmpty()) {
            throw new InvalidInputException("A scan that could not look cannot have found listeners.");
        }
        listeners = List.copyOf(listeners);
    }

    public static ListenerScan unknown() {
        return UNKNOWN;
    }

    public static ListenerScan of(List<PortListener> listeners) {
        return new ListenerScan(true, listeners);
    }
}
