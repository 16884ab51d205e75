package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret `localdb open` mints its ticket from, read only from the server.json of the server on that port. */
class ServerFileSecretTest {
    private static final byte[] SECRET = "a secret of the server".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path project;

    @Test
    void theSecretOfTheServerOnThatPortIsRead() throws Exception {
        Path file = serverFile("{\"pid\":42,\"port\":3000,\"started_at\":\"2025-01-31T12:00:00Z\",\"token\":\""
                + Base64.getUrlEncoder().encodeToString(SECRET) + "\"}");

        assertThat(ServerFileSecret.of(file, 3000)).hasValue(SECRET);
    }

    @Test
    void aServerFileOfAnotherPortAMissingOneAndADamagedOneGiveNoSecret() throws Exception {
        Path other = serverFile("{\"port\":3001,\"token\":\"" + Base64.getUrlEncoder().encodeToString(SECRET) + "\"}");
        assertThat(ServerFileSecret.of(other, 3000)).as("a server on another port").isEmpty();

        assertThat(ServerFileSecret.of(project.resolve("missing.json"), 3000)).isEmpty();

        Path damaged = serverFile("{\"port\":3000,\"token\":");
        assertThat(ServerFileSecret.of(damaged, 3000)).isEmpty();

        Path notBase64 = serverFile("{\"port\":3000,\"token\":\"%%%\"}");
        assertThat(ServerFileSecret.of(notBase64, 3000)).isEmpty();
    }

    private Path serverFile(String content) throws Exception {
        return Files.writeString(RunningServerFiles.in(project), content);
    }
}
