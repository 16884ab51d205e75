package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13, item 6: a page on another localhost port (another project's dev server, another
 * user's) may not create, replace or delete documents; this server's own page and tools that send
 * no Origin may. Reads stay open to local clients: no CORS header is ever sent, so a page elsewhere
 * cannot read the answers anyway.
 */
class DocumentWritesOriginTest {
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

    @Test
    void aPageOnAnotherLocalPortCanNeitherCreateNorReplaceNorDelete() throws Exception {
        String id = Json.MAPPER.readTree(server.post("/api/notes", "{\"title\":\"mine\"}").body()).get("id").asText();
        String otherPort = "Origin: http://localhost:5173\r\n";

        String created = write("POST", "/api/notes", otherPort);
        String replaced = write("PUT", "/api/notes/" + id, otherPort);
        String deleted = write("DELETE", "/api/notes/" + id, otherPort);
        String crossSite = write("POST", "/api/notes", "Sec-Fetch-Site: cross-site\r\n");

        for (String refused : new String[] {created, replaced, deleted, crossSite}) {
            assertThat(TestServer.status(refused)).as(refused).isEqualTo(403);
            assertThat(Json.MAPPER.readTree(TestServer.body(refused)).get("error").asText()).contains("change documents");
        }
        JsonNode notes = Json.MAPPER.readTree(server.get("/api/notes").body()).get("documents");
        assertThat(notes).as("nothing created, replaced or deleted").hasSize(1);
        assertThat(notes.get(0).get("title").asText()).isEqualTo("mine");
    }

    @Test
    void thisServersOwnPageAndToolsWithoutOriginMayWrite() throws Exception {
        String ownPage = write("POST", "/api/notes", "Origin: http://localhost:" + server.port() + "\r\nSec-Fetch-Site: same-origin\r\n");
        String tool = write("POST", "/api/notes", "");

        assertThat(TestServer.status(ownPage)).as(ownPage).isEqualTo(201);
        assertThat(TestServer.status(tool)).as(tool).isEqualTo(201);
        String id = Json.MAPPER.readTree(TestServer.body(tool)).get("id").asText();
        assertThat(TestServer.status(write("DELETE", "/api/notes/" + id, "Origin: http://localhost:" + server.port() + "\r\n"))).isEqualTo(204);
    }

    @Test
    void aPageOnAnotherLocalPortMayStillReadButGetsNoCorsHeader() throws Exception {
        server.post("/api/notes", "{\"title\":\"mine\"}");

        String read = server.raw("GET /api/notes HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nOrigin: http://localhost:5173\r\nConnection: close\r\n\r\n");

        assertThat(TestServer.status(read)).isEqualTo(200);
        assertThat(read.toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-");
    }

    /**
     * Refused before its body is read, the connection cannot carry another request: the answer
     * says so, or a client that keeps it (as java.net.http does) sends its next request into the
     * close and gets no answer at all.
     */
    @Test
    void aRefusalThatLeavesTheBodyUnreadClosesTheConnection() throws Exception {
        String refused = server.raw("POST /api/notes HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nOrigin: http://localhost:5173\r\nContent-Type: text/plain\r\nContent-Length: 1048576\r\n\r\n{\"a\":[");

        assertThat(TestServer.status(refused)).isEqualTo(403);
        assertThat(refused.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
    }

    private String write(String method, String path, String extraHeaders) throws Exception {
        String body = method.equals("DELETE") ? "" : "{\"title\":\"theirs\"}";
        return server.raw(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n" + extraHeaders
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }
}
