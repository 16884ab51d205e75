package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesTest {
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
    void healthNamesTheProjectPortAndProcess() throws Exception {
        HttpResponse<String> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode health = Json.MAPPER.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("project").asText()).isEqualTo("demo");
        assertThat(health.get("port").asInt()).isEqualTo(server.port());
        assertThat(health.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void unknownRoutesAre404WithAJsonError() throws Exception {
        for (String path : new String[] {"/nope", "/api", "/api/", "/api/notes/", "/api/notes/a/b", "/api//x", "/health/"}) {
            HttpResponse<String> response = server.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(response.body()).get("error").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void wrongMethodsAre405AndNameTheAllowedOnes() throws Exception {
        HttpResponse<String> onHealth = server.send(HttpRequest.newBuilder(server.uri("/health")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> onCollection = server.delete("/api/notes");
        HttpResponse<String> onDocument = server.post("/api/notes/abc", "{}");
        HttpResponse<String> onList = server.post("/api/collections", "{}");

        assertThat(onHealth.statusCode()).isEqualTo(405);
        assertThat(onHealth.headers().firstValue("Allow")).hasValue("GET");
        assertThat(onCollection.statusCode()).isEqualTo(405);
        assertThat(onCollection.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(onDocument.statusCode()).isEqualTo(405);
        assertThat(onDocument.headers().firstValue("Allow")).hasValue("GET, PUT, DELETE");
        assertThat(onList.statusCode()).isEqualTo(405);
        assertThat(Json.MAPPER.readTree(onCollection.body()).get("error").asText()).contains("DELETE", "GET, POST");
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        server.post("/api/notes", "{}");
        for (String path : new String[] {"/", "/health", "/api/notes", "/api/collections"}) {
            String response = server.raw("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(TestServer.status(response)).as(path).isEqualTo(200);
            assertThat(TestServer.body(response)).as(path).isEmpty();
        }
        HttpResponse<String> missing = server.send(HttpRequest.newBuilder(server.uri("/nope")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
    }

    @Test
    void theOverviewPageIsHtmlThatRunsOnlyItsOwnScript() {
        HttpResponse<String> response = server.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src " + DashboardScript.CSP_HASH + ";", "connect-src 'self'")
                .doesNotContainPattern("script-src[^;]*unsafe-inline"));
        assertThat(response.body()).startsWith("<!doctype html>").contains("demo", "Port " + server.port());
    }
}
