package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in its own JVM, as {@code localdb start} runs it: SIGTERM and kill -9. */
class ServerProcessTest {
    @TempDir
    Path home;
    private final List<ServerProcess> children = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void killLeftovers() {
        children.forEach(ServerProcess::close);
    }

    @Test
    void sigtermStopsTheServerInOrderAndTheProcessExitsWithZero() throws Exception {
        ServerProcess child = startChild();
        int port = child.awaitPort();
        assertThat(child.post(port, "/api/things", "{\"kept\":true}").statusCode()).isEqualTo(201);

        child.process.destroy(); // SIGTERM on Unix

        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(child.process.exitValue()).isEqualTo(0);
        assertThat(child.serverJson()).doesNotExist();
    }

    @Test
    void documentsSurviveKillMinus9AndTheNextServerTakesOver() throws Exception {
        ServerProcess child = startChild();
        JsonNode info = child.awaitServerJson();
        assertThat(info.get("pid").asLong()).isEqualTo(child.process.pid());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(Json.MAPPER.readTree(child.post(info.get("port").asInt(), "/api/things", "{\"i\":" + i + "}").body()).get("id").asText());
        }

        child.process.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.serverJson()).exists(); // stale; the CLI judges it by its pid
        ServerConfig config = new ServerConfig(TestServer.PROJECT, 0, home.resolve("data"), child.serverJson(),
                List.of(LoopbackAddresses.IPV4), ProjectsOverview.none());
        try (LocalDbServer next = new LocalDbServer(config)) {
            next.start();
            assertThat(Json.MAPPER.readTree(child.serverJson().toFile()).get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            HttpResponse<String> listed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + next.port() + "/api/things")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> listedIds = new ArrayList<>();
            Json.MAPPER.readTree(listed.body()).get("documents").forEach(document -> listedIds.add(document.get("id").asText()));
            assertThat(listedIds).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void anIdleServerStaysUnder64MiBResidentWithTheRecommendedOptions() throws Exception {
        ServerProcess child = startChild();
        Path status = Path.of("/proc", Long.toString(child.process.pid()), "status");
        assumeTrue(Files.exists(status), "resident memory is read from /proc (Linux)");
        int port = child.awaitPort();
        for (int i = 0; i < 100; i++) {
            assertThat(child.post(port, "/api/things", "{\"i\":" + i + ",\"text\":\"a small document\"}").statusCode()).isEqualTo(201);
        }
        for (String path : List.of("/", "/api/things", "/api/collections", "/health")) {
            assertThat(child.get(port, path).statusCode()).isEqualTo(200);
        }

        long residentKiB = Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();

        assertThat(residentKiB).as("resident KiB").isLessThan(64 * 1024);
    }

    private ServerProcess startChild() throws IOException {
        ServerProcess child = ServerProcess.start(home);
        children.add(child);
        return child;
    }
}
