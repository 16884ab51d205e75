package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded server's document store, used over HTTP as an application would. */
class DocumentApiTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void documentsCanBeCreatedReadUpdatedListedAndDeletedAndSurviveARestart() throws Exception {
        int port = Started.from(sandbox.localdb().run("start", "notes", "--create")).port();

        Http.Response created = http.send("POST", port, "/api/todos", "{\"title\":\"buy milk\",\"done\":false}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.json().get("title").asText()).isEqualTo("buy milk");
        assertThat(created.location()).contains("/api/todos/" + id);
        String other = http.send("POST", port, "/api/todos", "{\"title\":\"call mum\"}").json().get("id").asText();

        Http.Response read = http.get(port, "/api/todos/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());

        Http.Response updated = http.send("PUT", port, "/api/todos/" + id, "{\"title\":\"buy milk\",\"done\":true}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("done").asBoolean()).isTrue();
        assertThat(updated.json().get("id").asText()).isEqualTo(id);

        JsonNode list = http.get(port, "/api/todos").json();
        assertThat(list.get("documents")).hasSize(2);
        assertThat(list.get("documents").findValuesAsText("id")).containsExactlyInAnyOrder(id, other);
        assertThat(http.get(port, "/api/collections").json().get("collections").toString())
                .isEqualTo("[{\"name\":\"todos\",\"count\":2}]");

        assertThat(sandbox.localdb().run("stop", "notes").exitCode()).isZero();
        int again = Started.from(sandbox.localdb().run("start", "notes", "--create")).port();
        assertThat(again).isEqualTo(port);

        Http.Response afterRestart = http.get(port, "/api/todos/" + id);
        assertThat(afterRestart.status()).as(afterRestart.toString()).isEqualTo(200);
        assertThat(afterRestart.json()).as("the update survived the restart").isEqualTo(updated.json());
        assertThat(http.get(port, "/api/todos").json().get("documents")).hasSize(2);

        Http.Response deleted = http.send("DELETE", port, "/api/todos/" + id, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(http.get(port, "/api/todos/" + id).status()).isEqualTo(404);
        assertThat(http.get(port, "/api/todos").json().get("documents").findValuesAsText("id")).containsExactly(other);
    }

    @Test
    void badRequestsGetA4xxJsonErrorAndNeverAStackTrace() throws Exception {
        int port = Started.from(sandbox.localdb().run("start", "notes", "--create")).port();

        Http.Response badJson = http.send("POST", port, "/api/todos", "{\"title\": ");
        assertClientError(badJson, 400);

        Http.Response notAnObject = http.send("POST", port, "/api/todos", "[1, 2, 3]");
        assertClientError(notAnObject, 400);

        String oversized = "{\"blob\":\"" + "x".repeat(1024 * 1024) + "\"}";
        Http.Response tooLarge = http.send("POST", port, "/api/todos", oversized);
        assertClientError(tooLarge, 413);

        for (String path : new String[] {"/api/bad%20name", "/api/..%2F..%2Fetc", "/api/-leading-dash", "/api/todos/..%2Fsecret"}) {
            Http.Response invalid = http.get(port, path);
            assertThat(invalid.status()).as(path + " -> " + invalid).isIn(400, 404);
            assertClientError(invalid, invalid.status());
        }
        Http.Response invalidWrite = http.send("PUT", port, "/api/bad.name/1", "{}");
        assertThat(invalidWrite.status()).as(invalidWrite.toString()).isIn(400, 404);

        String forbidden = Http.raw(port, "GET /health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(forbidden).as("DNS rebinding defence").startsWith("HTTP/1.1 403 ");
        String crossSite = Http.raw(port, "POST /api/todos HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nOrigin: https://evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(crossSite).as("cross-site write").startsWith("HTTP/1.1 403 ");
        String local = Http.raw(port, "GET /health HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
        assertThat(local).as("the same raw request with a local Host is answered").startsWith("HTTP/1.1 200 ");

        assertThat(http.get(port, "/api/todos").json().get("documents")).as("nothing was stored by the bad requests").isEmpty();
    }

    private static void assertClientError(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.json().get("error").asText()).as(response.toString()).isNotBlank();
        NoStackTrace.in(response.body());
    }
}
