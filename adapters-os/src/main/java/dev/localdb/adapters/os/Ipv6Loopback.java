package dev.localdb.adapters.os;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;

/** Whether this host has IPv6 where localdb needs it: a server can listen on {@code ::1}. */
public final class Ipv6Loopback {
    private Ipv6Loopback() {
    }

    /** Listens on {@code [::1]} with a port the OS picks, and closes at once. */
    public static boolean available() {
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            channel.bind(new InetSocketAddress(loopback(), 0), 1);
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // EADDRNOTAVAIL / EAFNOSUPPORT: no IPv6 here
        }
    }

    private static InetAddress loopback() throws UnknownHostException {
        byte[] one = new byte[16];
        one[15] = 1;
        return InetAddress.getByAddress(one);
    }
}
