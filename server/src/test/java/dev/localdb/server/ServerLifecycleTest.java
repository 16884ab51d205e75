package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLifecycleTest {
    @TempDir
    Path home;

    @Test
    void serverJsonIsWrittenOnceListeningAndNamesPidPortStartTimeAndControlSecret() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (TestServer server = TestServer.start(home)) {
            Path file = server.config.serverInfoFile();

            JsonNode info = Json.MAPPER.readTree(file.toFile());
            assertThat(info.size()).isEqualTo(4);
            assertThat(info.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(info.get("port").asInt()).isEqualTo(server.port());
            assertThat(Instant.parse(info.get("started_at").asText())).isBetween(before, Instant.now());
            assertThat(java.util.Base64.getUrlDecoder().decode(info.get("token").asText())).as("a 256-bit secret").hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
            assertThat(server.get("/health").statusCode()).isEqualTo(200); // the port in the file answers
        }
    }

    @Test
    void stopClosesTheListenerAndDeletesServerJson() throws Exception {
        TestServer server = TestServer.start(home);
        int port = server.port();
        Path file = server.config.serverInfoFile();
        assertThat(file).exists();

        server.server.stop(Duration.ofSeconds(5));

        assertThat(file).doesNotExist();
        assertThat(file.getParent()).isEmptyDirectory();
        assertThatThrownBy(() -> TestServer.raw(LoopbackAddresses.IPV4, port, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .isInstanceOf(ConnectException.class);
        server.server.stop(Duration.ofSeconds(5)); // a second stop is harmless
    }

    @Test
    void aPortHeldByAnotherProgramFailsTheStartClearlyAndWritesNoServerJson() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(LoopbackAddresses.IPV4, 0));
            ServerConfig config = new ServerConfig(TestServer.PROJECT, taken.getLocalPort(), home.resolve("data"),
                    home.resolve("run/server.json"), List.of(LoopbackAddresses.IPV4), ProjectsOverview.none());

            assertThatThrownBy(() -> new LocalDbServer(config).start())
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(home.resolve("run/server.json")).doesNotExist();
        }
    }

    @Test
    void serverJsonRewrittenByAnotherServerIsLeftAlone() throws Exception {
        TestServer server = TestServer.start(home);
        Path file = server.config.serverInfoFile();
        String other = "{\"pid\":" + (ProcessHandle.current().pid() + 1) + ",\"port\":1,\"started_at\":\"2025-01-01T00:00:00Z\"}";
        Files.writeString(file, other);

        server.close();

        assertThat(file).hasContent(other);
    }

    @Test
    void aServerJsonRemovedByHandIsNoProblemAtStop() throws Exception {
        TestServer server = TestServer.start(home);
        Files.delete(server.config.serverInfoFile());

        server.close();

        assertThat(server.config.serverInfoFile()).doesNotExist();
        assertThat(server.config.serverInfoFile().getParent()).isEmptyDirectory();
    }

    @Test
    void aServerStartsOnlyOnce() {
        try (TestServer server = TestServer.start(home)) {
            assertThatThrownBy(server.server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theConfigurationRefusesNonLoopbackAddressesAndBadPorts() throws Exception {
        Path data = home.resolve("data");
        Path info = home.resolve("server.json");
        for (String address : new String[] {"0.0.0.0", "::", "192.0.2.7"}) {
            List<InetAddress> addresses = List.of(InetAddress.getByName(address));
            assertThatThrownBy(() -> new ServerConfig(TestServer.PROJECT, 3000, data, info, addresses, ProjectsOverview.none()))
                    .as(address).hasMessageContaining("loopback addresses only");
        }
        assertThatThrownBy(() -> new ServerConfig(TestServer.PROJECT, 3000, data, info, List.of(), ProjectsOverview.none()))
                .hasMessageContaining("at least one loopback address");
        assertThatThrownBy(() -> new ServerConfig(TestServer.PROJECT, 65536, data, info, List.of(LoopbackAddresses.IPV4), ProjectsOverview.none()))
                .hasMessageContaining("Invalid port 65536");
    }
}
