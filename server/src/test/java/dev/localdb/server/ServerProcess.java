package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The server in its own JVM with {@link LocalDbServer#RECOMMENDED_JVM_OPTIONS}, as {@code localdb
 * start} runs it (32 MiB heap, exit on out-of-memory): what a hostile request can really do to it.
 */
final class ServerProcess implements AutoCloseable {
    final Process process;
    private final Path home;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ServerProcess(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    /** Starts the child with its data under {@code home}; {@link #awaitServerJson} waits until it listens. */
    static ServerProcess start(Path home) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LocalDbServer.RECOMMENDED_JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath, ServeForTests.class.getName(), home.resolve("data").toString(),
                serverJson(home).toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile()).start();
        return new ServerProcess(process, home);
    }

    static Path serverJson(Path home) {
        return home.resolve("run/server.json");
    }

    Path serverJson() {
        return serverJson(home);
    }

    JsonNode awaitServerJson() throws Exception {
        GracefulStopTest.awaitCondition(() -> Files.exists(serverJson()) || !process.isAlive());
        assertThat(serverJson()).as("server.json (child log: %s)", log()).exists();
        return Json.MAPPER.readTree(serverJson().toFile());
    }

    /** Waits for server.json and returns the port. */
    int awaitPort() throws Exception {
        return awaitServerJson().get("port").asInt();
    }

    String log() throws IOException {
        return Files.readString(home.resolve("child.log"));
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)));
    }

    HttpResponse<String> post(int port, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Fails with the child's state and log when no answer comes: that is usually the child dying. */
    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            process.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("no answer (" + e + "); server alive: " + process.isAlive() + "; its log: " + log(), e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
