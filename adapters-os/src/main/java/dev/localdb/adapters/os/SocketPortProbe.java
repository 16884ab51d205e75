package dev.localdb.adapters.os;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortProbe;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether a port is free by listening on it for a moment, the way a dev server would, on
 * every address a local server may use: the IPv4 wildcard, the IPv6 wildcard (only when this host
 * has IPv6) and IPv4 loopback. A port is free only when all of them accept; every socket is closed
 * at once. This runs under the registry lock for up to thousands of ports, so it does nothing
 * else: one socket, bind (with listen), close.
 *
 * <p>SO_REUSEADDR: we keep the JDK default, which turns it on for server sockets on Linux and
 * macOS and leaves it off on Windows. With it on, a port whose only traces are old connections in
 * TIME_WAIT counts as free. That is what we want: the dev servers we hand ports to (Node, Python's
 * http.server, Java, Go, ...) set the option too and can listen there, and without it a project
 * would lose its usual port for a minute or two every time its server stopped. A socket that is
 * listening still refuses our bind either way. On Windows the option would let us bind over a live
 * listener, so the JDK rightly leaves it off there, and Windows lets listeners reuse TIME_WAIT ports
 * anyway.
 */
public final class SocketPortProbe implements PortProbe {
    private static final InetAddress IPV4_ANY = address(new byte[4]);
    private static final InetAddress IPV6_ANY = address(new byte[16]);
    private static final InetAddress IPV4_LOOPBACK = address(new byte[] {127, 0, 0, 1});

    private final List<InetAddress> addresses;

    /** Finds out once which address families this host has (e.g. whether it has IPv6 at all). */
    public SocketPortProbe() {
        List<InetAddress> usable = new ArrayList<>();
        for (InetAddress candidate : List.of(IPV4_ANY, IPV6_ANY, IPV4_LOOPBACK)) {
            // A family the host lacks (EADDRNOTAVAIL, EAFNOSUPPORT) tells us nothing about any
            // port, so it is left out rather than making every port look busy.
            if (canListen(candidate, 0)) {
                usable.add(candidate);
            }
        }
        this.addresses = List.copyOf(usable);
    }

    @Override
    public boolean isFree(PortNumber port) {
        if (addresses.isEmpty()) {
            return false; // nothing could be checked, so nothing is promised
        }
        for (InetAddress address : addresses) {
            if (!canListen(address, port.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Any failure means "not free": EADDRINUSE (someone listens), EACCES (the OS forbids us the
     * port, so it is not ours to hand out) and anything else, e.g. running out of file
     * descriptors, because a port we could not check must never be reported free. The exception
     * messages are not looked at: they are localized.
     */
    private static boolean canListen(InetAddress address, int port) {
        try (ServerSocketChannel channel = ServerSocketChannel.open(familyOf(address))) {
            channel.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static ProtocolFamily familyOf(InetAddress address) {
        return address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("A fixed address has a bad length", e);
        }
    }

    @Override
    public String toString() {
        return "SocketPortProbe" + addresses;
    }
}
