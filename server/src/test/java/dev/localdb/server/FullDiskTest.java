package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk gives the document API one clear answer, 507 with what to do, and changes nothing
 * (issue #13 item 9): no half-written document, no temp file, earlier documents intact.
 */
class FullDiskTest {
    @TempDir
    Path home;
    private Path mounted;

    /** The JDK's own error for ENOSPC, from a real write to /dev/full, is recognised. */
    @Test
    void aRealNoSpaceErrorIsRecognised() {
        IOException full = catchThrowableOfType(IOException.class, () -> {
            try (FileChannel channel = FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[4096]));
            }
        });

        assertThat(full).isNotNull();
        assertThat(StorageFull.is(full)).isTrue();
        assertThat(StorageFull.is(new IOException("Permission denied"))).isFalse();
    }

    /** A real full file system: the data folder on a 64 KiB tmpfs, which needs root (as in CI here). */
    @Test
    void aWriteOnAFullDiskIs507AndLosesNothing() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", data.toString()),
                "mounting a small tmpfs needs root");
        mounted = data;
        try (TestServer server = TestServer.start(home)) {
            String kept = server.post("/api/notes", "{\"text\":\"small\"}").body();
            String big = "{\"text\":\"" + "x".repeat(200_000) + "\"}";

            HttpResponse<String> refused = server.post("/api/notes", big);

            assertThat(refused.statusCode()).isEqualTo(507);
            assertThat(refused.body()).contains(StorageFull.MESSAGE.replace("\"", "\\\""));
            assertThat(server.get("/api/notes").body()).contains("small").doesNotContain("xxxx");
            String id = Json.MAPPER.readTree(kept).get("id").asText();
            assertThat(server.get("/api/notes/" + id).statusCode()).isEqualTo(200);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .as("one document and no temp file").hasSize(1).allMatch(name -> name.endsWith(".json") && !name.startsWith("."));
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
