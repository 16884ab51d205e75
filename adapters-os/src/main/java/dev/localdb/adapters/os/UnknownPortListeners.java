package dev.localdb.adapters.os;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;

/**
 * The portable mode's answer: the JDK cannot list another process's sockets, so who listens is
 * "cannot tell", never "nobody" ({@code why} and {@code doctor} then say so).
 */
final class UnknownPortListeners implements PortListeners {
    @Override
    public ListenerScan scan(PortNumber port) {
        return ListenerScan.unknown();
    }
}
