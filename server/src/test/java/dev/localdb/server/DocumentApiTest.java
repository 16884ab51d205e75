package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentApiTest {
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
    void postAssignsAnIdAndAnswersWithTheStoredDocument() throws Exception {
        HttpResponse<String> created = server.post("/api/notes", "{\"title\":\"hello\",\"tags\":[\"a\",\"b\"],\"id\":\"mine\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode document = Json.MAPPER.readTree(created.body());
        String id = document.get("id").asText();
        assertThat(id).matches("[0-9a-f]{16}").isNotEqualTo("mine");
        assertThat(document.get("title").asText()).isEqualTo("hello");
        assertThat(document.get("tags")).hasSize(2);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/notes/" + id);
        assertThat(Json.MAPPER.readTree(server.get("/api/notes/" + id).body())).isEqualTo(document);
    }

    @Test
    void listsDocumentsAndCollectionsWithCounts() throws Exception {
        List<JsonNode> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Json.MAPPER.readTree(server.post("/api/notes", "{\"n\":" + i + "}").body()));
        }
        server.post("/api/users", "{\"name\":\"ada\"}");

        JsonNode notes = Json.MAPPER.readTree(server.get("/api/notes").body()).get("documents");
        JsonNode collections = Json.MAPPER.readTree(server.get("/api/collections").body()).get("collections");

        assertThat(notes).containsExactlyInAnyOrderElementsOf(created);
        assertThat(collections.toString()).isEqualTo("[{\"name\":\"notes\",\"count\":3},{\"name\":\"users\",\"count\":1}]");
    }

    @Test
    void aCollectionNobodyWroteToIsEmpty() throws Exception {
        HttpResponse<String> response = server.get("/api/nothing-yet");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"documents\":[]}");
        assertThat(server.get("/api/collections").body()).isEqualTo("{\"collections\":[]}");
    }

    @Test
    void putReplacesTheWholeDocumentKeepingItsId() throws Exception {
        String id = Json.MAPPER.readTree(server.post("/api/notes", "{\"title\":\"old\",\"extra\":1}").body()).get("id").asText();

        HttpResponse<String> replaced = server.put("/api/notes/" + id, "{\"title\":\"new\"}");

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo("{\"id\":\"" + id + "\",\"title\":\"new\"}");
        assertThat(server.get("/api/notes/" + id).body()).isEqualTo(replaced.body());
    }

    @Test
    void putAcceptsTheSameIdInTheBodyButNotAnotherOne() throws Exception {
        String id = Json.MAPPER.readTree(server.post("/api/notes", "{}").body()).get("id").asText();

        HttpResponse<String> same = server.put("/api/notes/" + id, "{\"id\":\"" + id + "\",\"v\":2}");
        HttpResponse<String> other = server.put("/api/notes/" + id, "{\"id\":\"someone-else\",\"v\":3}");

        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(server.get("/api/notes/" + id).body()).get("v").asInt()).isEqualTo(2);
    }

    @Test
    void deleteRemovesTheDocument() throws Exception {
        String id = Json.MAPPER.readTree(server.post("/api/notes", "{}").body()).get("id").asText();

        HttpResponse<String> deleted = server.delete("/api/notes/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.get("/api/notes/" + id).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/notes").body()).isEqualTo("{\"documents\":[]}");
    }

    @Test
    void missingDocumentsAre404ForEveryMethod() throws Exception {
        server.post("/api/notes", "{}");

        for (HttpResponse<String> response : List.of(server.get("/api/notes/missing"),
                server.put("/api/notes/missing", "{}"), server.delete("/api/notes/missing"), server.get("/api/other/missing"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(response.body()).get("error").asText()).contains("missing");
        }
        assertThat(Json.MAPPER.readTree(server.get("/api/notes").body()).get("documents")).hasSize(1);
    }

    @Test
    void numbersAndUnicodeComeBackExactlyAsSent() throws Exception {
        String body = "{\"price\":19.90,\"big\":123456789012345678901234567890,\"tiny\":1e-400,\"name\":\"Zoë ✓ \\u0000\"}";

        JsonNode stored = Json.MAPPER.readTree(server.post("/api/things", body).body());
        String fetched = server.get("/api/things/" + stored.get("id").asText()).body();

        assertThat(fetched).contains("\"price\":19.90", "\"big\":123456789012345678901234567890", "Zoë ✓ \\u0000");
        assertThat(Json.MAPPER.readTree(fetched).get("tiny").decimalValue()).isEqualByComparingTo("1e-400");
    }
}
