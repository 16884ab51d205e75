package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.ForegroundLauncherContract;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ForegroundLauncher;
import dev.localdb.domain.port.ForegroundSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real foreground child, run as this test JVM's own child with the test's stdout and stderr. */
class ChildProcessForegroundLauncherContractTest extends ForegroundLauncherContract {
    @TempDir
    Path scratch;

    private Path projectFolder;

    @Override
    protected ForegroundLauncher newLauncher() throws Exception {
        projectFolder = Files.createDirectories(scratch.resolve("projects"));
        return new ChildProcessForegroundLauncher(Map.of("PATH", System.getenv("PATH"), "PORT_STALE", "1", "LOCALDB_PROJECT", "other"),
                name -> projectFolder.resolve(name.value()));
    }

    @Override
    protected ForegroundCommand exitingWith(int status) {
        return ForegroundCommand.given(List.of("sh", "-c", "exit " + status));
    }

    @Override
    protected ForegroundCommand ofAMissingProgram() {
        return ForegroundCommand.given(List.of("no-such-program-anywhere", "--version"));
    }

    @Override
    protected ForegroundCommand ofAFileThatIsNotExecutable() throws Exception {
        return ForegroundCommand.given(List.of(Files.writeString(scratch.resolve("plain.txt"), "hello").toString()));
    }

    @Override
    protected ForegroundCommand reportingItsEnvironment() {
        return ForegroundCommand.given(List.of("sh", "-c", "env > " + scratch.resolve("env.txt")));
    }

    @Override
    protected Map<String, String> reportedEnvironment() throws Exception {
        return Files.readAllLines(scratch.resolve("env.txt")).stream().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1),
                        (first, second) -> second));
    }

    @Test
    void aProjectsOwnCommandRunsInItsWorkingDirectoryElseInItsFolder() throws Exception {
        Path app = Files.createDirectories(scratch.resolve("app"));
        Files.createDirectories(projectFolder.resolve("plain"));
        String printsWhere = "pwd > " + scratch.resolve("where.txt");

        assertThat(runOwn(new ProjectConfig(ProjectName.of("node"), Optional.empty(), Optional.of(printsWhere),
                Optional.of(app.toString()), Instant.EPOCH))).isEqualTo(app.toRealPath().toString());
        assertThat(runOwn(new ProjectConfig(ProjectName.of("plain"), Optional.empty(), Optional.of(printsWhere),
                Optional.empty(), Instant.EPOCH))).isEqualTo(projectFolder.resolve("plain").toRealPath().toString());
    }

    @Test
    void aProjectsOwnCommandRunsUnderTheHostsShell() throws Exception {
        // A stand-in for cmd.exe: a shell that leaves a mark in the environment before it runs the command.
        ForegroundLauncher marked = new ChildProcessForegroundLauncher(Map.of("PATH", System.getenv("PATH")),
                name -> projectFolder.resolve(name.value()), List.of("/usr/bin/env", "HOST_SHELL=yes", "/bin/sh", "-c"));
        Files.createDirectories(projectFolder.resolve("web"));
        ProjectConfig web = new ProjectConfig(ProjectName.of("web"), Optional.empty(),
                Optional.of("echo \"$HOST_SHELL\" > " + scratch.resolve("where.txt")), Optional.empty(), Instant.EPOCH);

        try (ForegroundSession session = marked.open(() -> { })) {
            assertThat(session.runToEnd(ForegroundCommand.ownOf(web), PORTS)).isEqualTo(new ForegroundExit.Exited(0));
        }

        assertThat(Files.readString(scratch.resolve("where.txt")).strip()).isEqualTo("yes");
    }

    private String runOwn(ProjectConfig project) throws Exception {
        try (ForegroundSession session = launcher.open(() -> { })) {
            assertThat(session.runToEnd(ForegroundCommand.ownOf(project), PORTS)).isEqualTo(new ForegroundExit.Exited(0));
        }
        return Files.readString(scratch.resolve("where.txt")).strip();
    }
}
