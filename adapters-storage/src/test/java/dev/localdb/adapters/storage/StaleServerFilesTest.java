package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.model.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleServerFilesTest {
    @TempDir
    Path projects;
    final FakeProcessInspector processes = new FakeProcessInspector();

    @Test
    void removesAnOldServerFileWhoseProcessIsGoneAndKeepsTheOthers() throws Exception {
        ProcessIdentity finished = processes.start();
        processes.kill(finished);
        Path dead = serverFile("dead", finished.pid(), Instant.now().minusSeconds(60));
        Path alive = serverFile("alive", processes.start().pid(), Instant.now().minusSeconds(60));
        Path starting = serverFile("starting", finished.pid(), Instant.now());

        int removed = new StaleServerFiles(projects, processes).removeDead(Instant.now());

        assertThat(removed).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(alive).exists();
        assertThat(starting).as("within the grace period a server may still be starting").exists();
    }

    @Test
    void aDamagedServerFileDescribesNoLiveServer() throws Exception {
        Path damaged = Files.createDirectories(projects.resolve("broken")).resolve(RunningServerFiles.FILE_NAME);
        Files.writeString(damaged, "{oops");
        Files.setLastModifiedTime(damaged, FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(new StaleServerFiles(projects, processes).removeDead(Instant.now())).isEqualTo(1);
        assertThat(damaged).doesNotExist();
    }

    private Path serverFile(String project, long pid, Instant written) throws Exception {
        Path file = Files.createDirectories(projects.resolve(project)).resolve(RunningServerFiles.FILE_NAME);
        Files.writeString(file, "{\"pid\":" + pid + ",\"port\":3000,\"started_at\":\"" + written + "\"}");
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
