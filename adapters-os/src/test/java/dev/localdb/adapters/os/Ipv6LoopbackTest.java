package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The IPv6 check agrees with what a plain socket can do on this host, and leaves nothing bound. */
class Ipv6LoopbackTest {

    @Test
    void agreesWithAPlainSocketOnThisHost() {
        assertThat(Ipv6Loopback.available()).isEqualTo(canBindIpv6Loopback());
        assertThat(Ipv6Loopback.available()).as("asked twice").isEqualTo(canBindIpv6Loopback());
    }

    private static boolean canBindIpv6Loopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(Inet6Address.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
