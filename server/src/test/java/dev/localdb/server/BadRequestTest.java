package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadRequestTest {
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
    @ValueSource(strings = {"{", "{\"a\":}", "not json", "{\"a\":1} {\"b\":2}", "{\"a\":1,\"a\":2}", "", "\u00ff\u00fe"})
    void bodiesThatAreNotValidJsonAre400(String body) throws Exception {
        HttpResponse<String> response = server.post("/api/notes", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response.body());
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"a\":1}]", "\"text\"", "42", "true", "null"})
    void jsonThatIsNotAnObjectIs400(String body) throws Exception {
        HttpResponse<String> response = server.post("/api/notes", body);
        HttpResponse<String> onPut = server.put("/api/notes/x", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(onPut.statusCode()).isEqualTo(400);
        assertThat(assertError(response.body())).contains("not an object");
        assertNothingStored();
    }

    @Test
    void documentsNestedTooDeeplyAre400() throws Exception {
        String deep = "{\"a\":".repeat(Json.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(Json.MAX_NESTING_DEPTH + 1);

        HttpResponse<String> response = server.post("/api/notes", deep);

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response.body());
    }

    @Test
    void aBodyOfExactly1MiBIsAcceptedAndOneByteMoreIs413() throws Exception {
        String exactly = jsonOfLength(RequestBody.MAX_BYTES);

        HttpResponse<String> accepted = server.post("/api/notes", exactly);
        HttpResponse<String> rejected = server.post("/api/notes", jsonOfLength(RequestBody.MAX_BYTES + 1));

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(rejected.statusCode()).isEqualTo(413);
        assertThat(assertError(rejected.body())).contains("1 MiB");
        assertThat(Json.MAPPER.readTree(server.get("/api/notes").body()).get("documents")).hasSize(1);
    }

    /** Issue #13 item 1: a page may send text/plain (or a form) cross-origin without a preflight. */
    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/jsonx", "application/json-seq", "-"})
    void aWriteNotSentAsApplicationJsonIs415(String type) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(server.uri("/api/notes")).POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"));
        HttpRequest.Builder put = HttpRequest.newBuilder(server.uri("/api/notes/x")).PUT(HttpRequest.BodyPublishers.ofString("{\"a\":1}"));
        if (!type.equals("-")) {
            post.header("Content-Type", type);
            put.header("Content-Type", type);
        }

        for (HttpResponse<String> response : List.of(server.send(post), server.send(put))) {
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(assertError(response.body())).contains("Content-Type: application/json");
        }
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"})
    void applicationJsonWithOrWithoutParametersIsAccepted(String type) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/notes")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

        assertThat(response.statusCode()).as(type).isEqualTo(201);
    }

    /** Issue #13 item 1: what a body costs once parsed is bounded by its nodes, not only its bytes. */
    @Test
    void aBodyOfAtMostTheNodeLimitIsAcceptedAndOneNodeMoreIs413() throws Exception {
        // {"a":[0,0,...]}: the object, the field name, the array and its numbers
        String atLimit = "{\"a\":[" + "0,".repeat(RequestBody.MAX_NODES - 4) + "0]}";
        String overLimit = "{\"a\":[" + "0,".repeat(RequestBody.MAX_NODES - 3) + "0]}";

        HttpResponse<String> accepted = server.post("/api/notes", atLimit);
        HttpResponse<String> rejected = server.post("/api/notes", overLimit);

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(rejected.statusCode()).isEqualTo(413);
        assertThat(assertError(rejected.body())).contains(String.format("%d", RequestBody.MAX_NODES), "nodes");
        assertThat(Json.MAPPER.readTree(server.get("/api/notes").body()).get("documents")).hasSize(1);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReadingTheBody() throws Exception {
        String response = server.raw("POST /api/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000000\r\nConnection: close\r\n\r\n{\"a\":1}");

        assertThat(TestServer.status(response)).isEqualTo(413);
        assertError(TestServer.body(response));
    }

    @Test
    void aChunkedBodyWithoutLengthIsCappedWhileReading() throws Exception {
        String chunk = "a".repeat(64 * 1024);
        StringBuilder request = new StringBuilder("POST /api/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < RequestBody.MAX_BYTES / chunk.length(); i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        // One byte over the limit, so the server has read the whole request when it answers.
        request.append("1\r\nb\r\n0\r\n\r\n");

        String response = server.raw(request.toString());

        assertThat(TestServer.status(response)).isEqualTo(413);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e", "a.b", "_x", "-x", "a%2Fb", "a%00", "%C3%A9", "collections"})
    void collectionNamesOutsideTheAlphabetAre400(String name) throws Exception {
        HttpResponse<String> post = server.post("/api/" + name, "{}");
        HttpResponse<String> get = server.get("/api/" + name + "/abc");

        assertThat(post.statusCode()).as(name).isIn(400, 405);
        assertThat(get.statusCode()).as(name).isEqualTo(400);
        assertError(get.body());
        assertNothingStored();
    }

    @Test
    void tooLongNamesAre400() throws Exception {
        String longName = "a".repeat(65);

        assertThat(server.post("/api/" + longName, "{}").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/notes/" + longName).statusCode()).isEqualTo(400);
        assertThat(server.post("/api/" + "a".repeat(64), "{}").statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e", ".hidden", "a.json", "a%2F..%2Fb"})
    void documentIdsOutsideTheAlphabetAre400(String id) throws Exception {
        HttpResponse<String> get = server.get("/api/notes/" + id);
        HttpResponse<String> put = server.put("/api/notes/" + id, "{}");
        HttpResponse<String> delete = server.delete("/api/notes/" + id);

        for (HttpResponse<String> response : List.of(get, put, delete)) {
            assertThat(response.statusCode()).as(id).isEqualTo(400);
            assertThat(assertError(response.body())).contains("Invalid document id");
        }
    }

    @Test
    void aDamagedDocumentOnDiskIsReportedWithoutAStackTrace() throws Exception {
        String id = Json.MAPPER.readTree(server.post("/api/notes", "{}").body()).get("id").asText();
        Files.writeString(home.resolve("data/collections/notes/" + id + ".json"), "{broken");

        HttpResponse<String> response = server.get("/api/notes/" + id);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(assertError(response.body())).contains("notes/" + id, "fix or delete");
    }

    @Test
    void aDamagedDocumentIsNamedInTheListInsteadOfBreakingIt() throws Exception {
        String good = Json.MAPPER.readTree(server.post("/api/notes", "{\"ok\":true}").body()).get("id").asText();
        Files.writeString(home.resolve("data/collections/notes/damaged.json"), "[1,2");

        HttpResponse<String> response = server.get("/api/notes");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"documents\":[{\"id\":\"" + good + "\",\"ok\":true}],\"unreadable\":[\"damaged\"]}");
    }

    private static String jsonOfLength(int length) {
        String prefix = "{\"x\":\"";
        String suffix = "\"}";
        return prefix + "y".repeat(length - prefix.length() - suffix.length()) + suffix;
    }

    /** The body is exactly {"error": "..."} and holds no Java stack trace. */
    private static String assertError(String body) throws Exception {
        JsonNode error = Json.MAPPER.readTree(body);
        assertThat(error.size()).isEqualTo(1);
        assertThat(error.get("error").asText()).isNotBlank().doesNotContain("Exception", "\tat ", "dev.localdb");
        return error.get("error").asText();
    }

    private void assertNothingStored() throws Exception {
        Path collections = home.resolve("data/collections");
        try (Stream<Path> files = Files.walk(collections)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(server.get("/api/collections").body()).isEqualTo("{\"collections\":[]}");
    }
}
