package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.ServerLogsContract;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime folder's logs, written, rotated and truncated on disk as a server and LogRotation do. */
class ServerLogFilesContractTest extends ServerLogsContract {
    @TempDir
    Path runtime;

    @Override
    protected ServerLogs logs() {
        return new ServerLogFiles(runtime);
    }

    @Override
    protected void write(ProjectName project, String text) {
        try {
            Files.writeString(log(project), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void rotate(ProjectName project) {
        try {
            Files.move(log(project), ServerLogFile.rotated(log(project)), StandardCopyOption.REPLACE_EXISTING);
            Files.createFile(log(project));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void truncate(ProjectName project) {
        try {
            Files.write(log(project), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void deleteRemovesTheRotatedLogToo() throws IOException {
        write(WEB, "old\n");
        rotate(WEB);

        logs().delete(WEB);

        assertThat(runtime.resolve("web.log")).doesNotExist();
        assertThat(runtime.resolve("web.log.1")).doesNotExist();
    }

    @Test
    void aLinkWhereTheLogBelongsIsNoLog() throws IOException {
        Path elsewhere = Files.writeString(runtime.resolve("elsewhere.txt"), "not a log\n");
        Files.createSymbolicLink(runtime.resolve("web.log"), elsewhere);

        assertThat(logs().exists(WEB)).isFalse();
    }

    private Path log(ProjectName project) {
        return runtime.resolve(project.value() + ".log");
    }
}
