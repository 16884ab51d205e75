package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    @TempDir
    Path home;

    @Test
    void documentsSurviveAStopAndANewServerOnTheSameDirectory() throws Exception {
        String id;
        String kept;
        try (TestServer first = TestServer.start(home)) {
            id = Json.MAPPER.readTree(first.post("/api/notes", "{\"text\":\"remember me\"}").body()).get("id").asText();
            String gone = Json.MAPPER.readTree(first.post("/api/notes", "{\"text\":\"forget me\"}").body()).get("id").asText();
            first.put("/api/notes/" + id, "{\"text\":\"remember me, edited\"}");
            first.delete("/api/notes/" + gone);
            kept = first.get("/api/notes/" + id).body();
        }

        try (TestServer second = TestServer.start(home)) {
            assertThat(second.get("/api/notes/" + id).body()).isEqualTo(kept);
            JsonNode documents = Json.MAPPER.readTree(second.get("/api/notes").body()).get("documents");
            assertThat(documents).hasSize(1);
            assertThat(documents.get(0).get("text").asText()).isEqualTo("remember me, edited");
        }
    }

    @Test
    void documentsArePrivateFilesInPrivateDirectoriesAndNoTempFilesRemain() throws Exception {
        try (TestServer server = TestServer.start(home)) {
            for (int i = 0; i < 5; i++) {
                server.post("/api/notes", "{\"i\":" + i + "}");
            }
        }
        Path data = home.resolve("data");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(data)) {
            all = walk.toList();
        }

        assertThat(all).filteredOn(Files::isRegularFile).hasSize(5)
                .allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"))
                .allSatisfy(file -> assertThat(file.getFileName().toString()).matches("[0-9a-f]{16}\\.json"));
        assertThat(all).filteredOn(dir -> Files.isDirectory(dir) && !dir.equals(data))
                .extracting(Path::getFileName).map(Path::toString).containsExactlyInAnyOrder("collections", "notes");
        assertThat(all).filteredOn(dir -> Files.isDirectory(dir) && !dir.equals(data))
                .allSatisfy(dir -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------"));
    }

    @Test
    void tempFilesLeftByACrashAreRemovedAtStartAndNeverListed() throws Exception {
        Path notes = home.resolve("data/collections/notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("abc.json"), "{\"id\":\"abc\",\"v\":1}");
        Path stray = Files.writeString(notes.resolve(".abc.json.0123456789ab.tmp"), "{\"id\":\"abc\",\"v\":2");

        try (TestServer server = TestServer.start(home)) {
            assertThat(stray).doesNotExist();
            assertThat(server.get("/api/notes").body()).isEqualTo("{\"documents\":[{\"id\":\"abc\",\"v\":1}]}");
            assertThat(server.get("/api/collections").body()).isEqualTo("{\"collections\":[{\"name\":\"notes\",\"count\":1}]}");
        }
    }

    @Test
    void filesThatAreNotDocumentsAreIgnored() throws Exception {
        Path notes = home.resolve("data/collections/notes");
        Files.createDirectories(notes);
        Files.createDirectories(home.resolve("data/collections/.hidden"));
        Files.writeString(notes.resolve("README.txt"), "not a document");
        Files.writeString(notes.resolve("bad.name.json"), "{}");

        try (TestServer server = TestServer.start(home)) {
            assertThat(server.get("/api/notes").body()).isEqualTo("{\"documents\":[]}");
            assertThat(server.get("/api/collections").body()).isEqualTo("{\"collections\":[{\"name\":\"notes\",\"count\":0}]}");
        }
    }
}
