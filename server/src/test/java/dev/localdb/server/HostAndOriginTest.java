package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DNS rebinding and cross-site writes, sent over raw sockets because HttpClient fixes the Host header. */
class HostAndOriginTest {
    @TempDir
    Path home;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:PORT", "LOCALHOST:PORT", "127.0.0.1", "127.0.0.1:PORT", "[::1]", "[::1]:PORT"})
    void localHostNamesWithThisPortOrNoneAreAnswered(String host) throws Exception {
        String response = server.raw("GET /health HTTP/1.1\r\nHost: " + host.replace("PORT", Integer.toString(server.port()))
                + "\r\nConnection: close\r\n\r\n");

        assertThat(TestServer.status(response)).isEqualTo(200);
    }

    /** Issue #13 item 11: a page on another local port that reaches this server under its own name. */
    @ParameterizedTest
    @ValueSource(strings = {"localhost:3000", "LOCALHOST:1", "127.0.0.1:8080", "[::1]:3000", "localhost:0", "localhost:99999"})
    void aLocalHostNamingAnotherPortIsRefusedWith403(String host) throws Exception {
        String response = server.raw("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        String write = server.raw("POST /api/notes HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");

        assertThat(TestServer.status(response)).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(TestServer.body(response)).get("error").asText()).contains("port " + server.port());
        assertThat(TestServer.status(write)).isEqualTo(403);
        assertThat(server.get("/api/notes").body()).isEqualTo("{\"documents\":[]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:3000", "localhost.evil.example", "127.0.0.1.nip.io", "[::2]",
            "127.0.0.2", "0.0.0.0", "localhost:abc", "localhost@evil.example", "[::1", ""})
    void anyOtherHostIsRefusedWith403(String host) throws Exception {
        String response = server.raw("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");

        assertThat(TestServer.status(response)).isEqualTo(403);
        JsonNode error = Json.MAPPER.readTree(TestServer.body(response));
        assertThat(error.get("error").asText()).contains("Host");
    }

    @Test
    void aRequestWithoutHostIsRefused() throws Exception {
        String response = server.raw("GET /health HTTP/1.0\r\n\r\n");

        assertThat(TestServer.status(response)).isEqualTo(403);
    }

    @Test
    void aRebindingPageCannotWriteEither() throws Exception {
        String response = server.raw("POST /api/notes HTTP/1.1\r\nHost: evil.example:" + server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");

        assertThat(TestServer.status(response)).isEqualTo(403);
        assertThat(server.get("/api/notes").body()).isEqualTo("{\"documents\":[]}");
    }

    @Test
    void aCrossSiteWriteFromAForeignPageIsRefused() throws Exception {
        String response = server.raw("POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nOrigin: https://evil.example\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");

        assertThat(TestServer.status(response)).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(TestServer.body(response)).get("error").asText()).contains("Origin");
        assertThat(server.get("/api/notes").body()).isEqualTo("{\"documents\":[]}");
    }

    @Test
    void aPageServedByThisServerMayWrite() throws Exception {
        // A page on another local port may not (issue #13 item 6, DocumentWritesOriginTest).
        String response = server.raw("POST /api/notes HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nOrigin: http://localhost:" + server.port() + "\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");

        assertThat(TestServer.status(response)).isEqualTo(201);
    }

    @Test
    void originsAreJudgedByTheirHost() {
        assertThat(LocalOrigin.isLocalOrigin(null)).isTrue();
        assertThat(LocalOrigin.isLocalOrigin(List.of("http://127.0.0.1:3000"))).isTrue();
        assertThat(LocalOrigin.isLocalOrigin(List.of("https://[::1]"))).isTrue();
        assertThat(LocalOrigin.isLocalOrigin(List.of("null"))).isFalse();
        assertThat(LocalOrigin.isLocalOrigin(List.of("file://"))).isFalse();
        assertThat(LocalOrigin.isLocalOrigin(List.of("http://localhost.evil.example"))).isFalse();
        assertThat(LocalOrigin.isLocalOrigin(List.of("http://localhost", "http://evil.example"))).isFalse();
    }
}
