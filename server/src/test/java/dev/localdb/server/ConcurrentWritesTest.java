package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritesTest {
    private static final int CLIENTS = 200;

    @TempDir
    Path home;

    @Test
    void twoHundredSimultaneousPostsToOneCollectionAreAllStored() throws Exception {
        try (TestServer server = TestServer.start(home)) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                HttpRequest request = HttpRequest.newBuilder(server.uri("/api/events")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"client\":" + i + "}")).build();
                responses.add(server.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }

            Set<String> ids = new HashSet<>();
            Set<Integer> clients = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.join();
                assertThat(response.statusCode()).isEqualTo(201);
                JsonNode stored = Json.MAPPER.readTree(response.body());
                ids.add(stored.get("id").asText());
                clients.add(stored.get("client").asInt());
            }

            JsonNode listed = Json.MAPPER.readTree(server.get("/api/events").body()).get("documents");
            Set<Integer> listedClients = new HashSet<>();
            listed.forEach(document -> listedClients.add(document.get("client").asInt()));
            assertThat(ids).hasSize(CLIENTS);
            assertThat(clients).hasSize(CLIENTS);
            assertThat(listed).hasSize(CLIENTS);
            assertThat(listedClients).containsExactlyInAnyOrderElementsOf(IntStream.range(0, CLIENTS).boxed().toList());
            assertThat(server.get("/api/collections").body()).isEqualTo("{\"collections\":[{\"name\":\"events\",\"count\":" + CLIENTS + "}]}");
        }
    }

    @Test
    void simultaneousReplacementsOfOneDocumentLeaveOneCompleteVersion() throws Exception {
        try (TestServer server = TestServer.start(home)) {
            String id = Json.MAPPER.readTree(server.post("/api/counters", "{\"writer\":-1}").body()).get("id").asText();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = "{\"writer\":" + i + ",\"payload\":\"" + String.valueOf(i % 10).repeat(10_000) + "\"}";
                responses.add(server.client.sendAsync(HttpRequest.newBuilder(server.uri("/api/counters/" + id))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            responses.forEach(future -> assertThat(future.join().statusCode()).isEqualTo(200));

            JsonNode last = Json.MAPPER.readTree(server.get("/api/counters/" + id).body());
            int writer = last.get("writer").asInt();
            assertThat(writer).isBetween(0, 49);
            assertThat(last.get("payload").asText()).isEqualTo(String.valueOf(writer % 10).repeat(10_000));
        }
    }
}
