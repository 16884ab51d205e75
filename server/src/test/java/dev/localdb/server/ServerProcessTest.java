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
import java.time.Duration;
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
    private final List<Process> children = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void sigtermStopsTheServerInOrderAndTheProcessExitsWithZero() throws Exception {
        Process child = startChild();
        int port = awaitServerJson().get("port").asInt();
        assertThat(post(port, "{\"kept\":true}").statusCode()).isEqualTo(201);

        child.destroy(); // SIGTERM on Unix

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(child.exitValue()).isEqualTo(0);
        assertThat(serverJson()).doesNotExist();
    }

    @Test
    void documentsSurviveKillMinus9AndTheNextServerTakesOver() throws Exception {
        Process child = startChild();
        JsonNode info = awaitServerJson();
        assertThat(info.get("pid").asLong()).isEqualTo(child.pid());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(Json.MAPPER.readTree(post(info.get("port").asInt(), "{\"i\":" + i + "}").body()).get("id").asText());
        }

        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(serverJson()).exists(); // stale; the CLI judges it by its pid
        ServerConfig config = new ServerConfig(TestServer.PROJECT, 0, home.resolve("data"), serverJson(),
                List.of(LoopbackAddresses.IPV4), ProjectsOverview.none());
        try (LocalDbServer next = new LocalDbServer(config)) {
            next.start();
            assertThat(Json.MAPPER.readTree(serverJson().toFile()).get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            HttpResponse<String> listed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + next.port() + "/api/things")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> listedIds = new ArrayList<>();
            Json.MAPPER.readTree(listed.body()).get("documents").forEach(document -> listedIds.add(document.get("id").asText()));
            assertThat(listedIds).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void anIdleServerStaysUnder64MiBResidentWithTheRecommendedOptions() throws Exception {
        Process child = startChild();
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        assumeTrue(Files.exists(status), "resident memory is read from /proc (Linux)");
        int port = awaitServerJson().get("port").asInt();
        for (int i = 0; i < 100; i++) {
            assertThat(post(port, "{\"i\":" + i + ",\"text\":\"a small document\"}").statusCode()).isEqualTo(201);
        }
        for (String path : List.of("/", "/api/things", "/api/collections", "/health")) {
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }

        long residentKiB = Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();

        assertThat(residentKiB).as("resident KiB").isLessThan(64 * 1024);
    }

    private Process startChild() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LocalDbServer.RECOMMENDED_JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath, ServeForTests.class.getName(), home.resolve("data").toString(), serverJson().toString()));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile()).start();
        children.add(child);
        return child;
    }

    private Path serverJson() {
        return home.resolve("run/server.json");
    }

    private JsonNode awaitServerJson() throws Exception {
        GracefulStopTest.awaitCondition(() -> Files.exists(serverJson()) || !children.get(children.size() - 1).isAlive());
        assertThat(serverJson()).as("server.json (child log: %s)", Files.readString(home.resolve("child.log"))).exists();
        return Json.MAPPER.readTree(serverJson().toFile());
    }

    private HttpResponse<String> post(int port, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/things")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
