package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackOnlyTest {
    @TempDir
    Path home;

    @Test
    void theDefaultConfigurationListensOnEveryLoopbackAddressOnOnePort() throws Exception {
        ServerConfig config = ServerConfig.onLoopback(TestServer.PROJECT, 0, home.resolve("data"), home.resolve("server.json"), ProjectsOverview.none());
        try (LocalDbServer server = new LocalDbServer(config)) {
            server.start();

            List<InetSocketAddress> bound = server.boundAddresses();
            assertThat(bound).extracting(InetSocketAddress::getAddress).containsExactlyElementsOf(LoopbackAddresses.available());
            assertThat(bound).allSatisfy(address -> {
                assertThat(address.getAddress().isLoopbackAddress()).isTrue();
                assertThat(address.getPort()).isEqualTo(server.port());
            });
            for (InetSocketAddress address : bound) {
                String response = TestServer.raw(address.getAddress(), server.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertThat(TestServer.status(response)).as(address.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void ipv4LoopbackIsAlwaysAmongTheDefaults() {
        assertThat(LoopbackAddresses.available()).first().isEqualTo(LoopbackAddresses.IPV4);
        assertThat(LoopbackAddresses.available()).allSatisfy(address -> assertThat(address.isLoopbackAddress()).isTrue());
    }

    @Test
    void theServerCannotBeReachedThroughThisMachinesOtherAddresses() throws Exception {
        ServerConfig config = ServerConfig.onLoopback(TestServer.PROJECT, 0, home.resolve("data"), home.resolve("server.json"), ProjectsOverview.none());
        List<InetAddress> external = nonLoopbackAddresses();
        assumeFalse(external.isEmpty(), "this machine has no address besides loopback to try");
        try (LocalDbServer server = new LocalDbServer(config)) {
            server.start();

            for (InetAddress address : external) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, server.port()), 5_000);
                    }
                }).as(address.toString()).isInstanceOf(IOException.class);
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(LoopbackOnlyTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
