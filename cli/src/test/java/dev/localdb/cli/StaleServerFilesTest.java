package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleServerFilesTest {
    @TempDir
    Path projects;

    @Test
    void removesAnOldServerFileWhoseProcessIsGoneAndKeepsTheOthers() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = serverFile("dead", finished.pid(), Instant.now().minusSeconds(60));
        Path alive = serverFile("alive", ProcessHandle.current().pid(), Instant.now().minusSeconds(60));
        Path starting = serverFile("starting", finished.pid(), Instant.now());

        int removed = new StaleServerFiles(projects, new ProcFsProcessInspector()).removeDead(Instant.now());

        assertThat(removed).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(alive).exists();
        assertThat(starting).as("within the grace period a server may still be starting").exists();
    }

    @Test
    void aDamagedServerFileDescribesNoLiveServer() throws Exception {
        Path damaged = Files.createDirectories(projects.resolve("broken")).resolve("server.json");
        Files.writeString(damaged, "{oops");
        Files.setLastModifiedTime(damaged, FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(new StaleServerFiles(projects, new ProcFsProcessInspector()).removeDead(Instant.now())).isEqualTo(1);
        assertThat(damaged).doesNotExist();
    }

    private Path serverFile(String project, long pid, Instant written) throws Exception {
        Path file = Files.createDirectories(projects.resolve(project)).resolve("server.json");
        Files.writeString(file, "{\"pid\":" + pid + ",\"port\":3000,\"started_at\":\"" + written + "\"}");
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
