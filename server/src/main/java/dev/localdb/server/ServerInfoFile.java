package dev.localdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code server.json}: {@code {"pid":1234,"port":3000,"started_at":"2025-01-31T12:00:00.123Z","token":"..."}}.
 * It exists only while the server listens, so its presence tells the CLI the server is up. The
 * token is the dashboard's control secret: the file is 0600 in a 0700 folder, so only the user
 * (through {@code localdb open}) can read it.
 */
final class ServerInfoFile {
    private ServerInfoFile() {
    }

    static void write(Path file, long pid, int port, Instant startedAt, String token) throws IOException {
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("pid", pid);
        info.put("port", port);
        info.put("started_at", startedAt.toString());
        info.put("token", token);
        PrivateFiles.replace(file, (Json.MAPPER.writeValueAsString(info) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the file unless another server has since written its own over it. */
    static void deleteIfOwnedBy(Path file, long pid) throws IOException {
        JsonNode info;
        try {
            info = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return;
        }
        if (info != null && info.path("pid").asLong(-1) == pid) {
            PrivateFiles.delete(file);
        }
    }
}
