package dev.localdb.server;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The loopback addresses this machine has: 127.0.0.1 always, ::1 when IPv6 is up. */
final class LoopbackAddresses {
    static final InetAddress IPV4 = address(new byte[] {127, 0, 0, 1});
    static final InetAddress IPV6 = address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private LoopbackAddresses() {
    }

    static List<InetAddress> available() {
        List<InetAddress> addresses = new ArrayList<>(List.of(IPV4));
        if (ipv6LoopbackConfigured()) {
            // Browsers often resolve "localhost" to ::1 first; without this they would miss the server.
            addresses.add(IPV6);
        }
        return List.copyOf(addresses);
    }

    private static boolean ipv6LoopbackConfigured() {
        if (Boolean.getBoolean("java.net.preferIPv4Stack")) {
            return false;
        }
        try {
            return NetworkInterface.getByInetAddress(IPV6) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** "127.0.0.1:3000" or "[::1]:3000", as a user would type it. */
    static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
            host = host.equals("[0:0:0:0:0:0:0:1]") ? "[::1]" : host;
        }
        return host + ":" + port;
    }

    private static InetAddress address(byte[] raw) {
        try {
            return raw.length == 4 ? Inet4Address.getByAddress(raw) : Inet6Address.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length is right
        }
    }
}
