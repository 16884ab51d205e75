package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.localdb.domain.model.PortNumber;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Which listeners make a port busy, and what the probe leaves behind. Real sockets throughout. */
class SocketPortProbeTest {
    private final SocketPortProbe probe = new SocketPortProbe();

    @Test
    void aPortHeldOnlyOnIpv4LoopbackIsBusy() throws IOException {
        assertBusyWhileHeldOn("127.0.0.1");
    }

    @Test
    void aPortHeldOnlyOnTheIpv4WildcardIsBusy() throws IOException {
        assertBusyWhileHeldOn("0.0.0.0");
    }

    @Test
    void aPortHeldOnlyOnIpv6LoopbackIsBusy() throws IOException {
        assumeIpv6();
        assertBusyWhileHeldOn("::1");
    }

    @Test
    void aPortHeldOnTheIpv6WildcardIsBusy() throws IOException {
        assumeIpv6();
        assertBusyWhileHeldOn("::");
    }

    /**
     * The SO_REUSEADDR choice: a stopped server's old connections (TIME_WAIT) must not cost the
     * project its port, because the next server, which sets SO_REUSEADDR like ours, can listen there.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aPortWithOnlyTimeWaitConnectionsLeftIsFree() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(loopback, 0));
            port = server.getLocalPort();
            try (Socket client = new Socket(loopback, port); Socket accepted = server.accept()) {
                accepted.shutdownOutput(); // the server side closes first, so it is the one left in TIME_WAIT
                InputStream fromServer = client.getInputStream();
                assertThat(fromServer.read()).as("client saw the server close").isEqualTo(-1);
            }
        }
        try (ServerSocket withoutReuse = new ServerSocket()) {
            withoutReuse.setReuseAddress(false);
            assertThatThrownBy(() -> withoutReuse.bind(new InetSocketAddress(loopback, port)))
                    .as("precondition: a connection of port %d lingers in TIME_WAIT", port)
                    .isInstanceOf(BindException.class);
        }

        assertThat(probe.isFree(PortNumber.of(port))).isTrue();
    }

    /** Sockets left open would show up as file descriptors that outlive the probes. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void probingClosesEverySocketItOpens() throws IOException {
        int port = freePort();
        long before = openFileDescriptors();

        for (int i = 0; i < 300; i++) {
            probe.isFree(PortNumber.of(port));
        }

        // 300 probes leaking even one socket each would leave 300 more; allow a few for the JVM itself.
        assertThat(openFileDescriptors()).isLessThan(before + 30);
    }

    @Test
    void aPortTheOsForbidsUsIsBusy() throws IOException {
        int privileged = 1;
        try (ServerSocket attempt = new ServerSocket()) {
            attempt.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), privileged));
            abort("this user may listen on port " + privileged + " (root or CAP_NET_BIND_SERVICE), so nothing is forbidden");
        } catch (BindException expected) {
            // Permission denied (or already in use): either way no server of ours could listen there.
        }

        assertThat(probe.isFree(PortNumber.of(privileged))).isFalse();
    }

    private void assertBusyWhileHeldOn(String host) throws IOException {
        int port;
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            port = holder.getLocalPort();

            assertThat(probe.isFree(PortNumber.of(port))).as("port %d held on %s", port, host).isFalse();
        }
        assertThat(probe.isFree(PortNumber.of(port))).as("port %d after the holder closed", port).isTrue();
    }

    private static void assumeIpv6() {
        try (ServerSocket attempt = new ServerSocket()) {
            attempt.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException | RuntimeException e) {
            abort("this host has no IPv6 loopback (" + e.getMessage() + "), so there is no IPv6 listener to detect");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0));
            return server.getLocalPort();
        }
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
