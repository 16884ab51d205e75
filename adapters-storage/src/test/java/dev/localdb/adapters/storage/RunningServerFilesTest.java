package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.domain.fake.FakePortListeners;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only servers proven to run are rebuilt: a live PID that itself listens on the port. A server.json alone
 * proves nothing, so every doubtful file is left out rather than guessed at.
 */
class RunningServerFilesTest {
    private static final String STARTED = "2025-01-31T12:00:00.123Z";

    @TempDir
    Path home;
    final FakeProcessInspector processes = new FakeProcessInspector();
    final FakePortListeners ports = new FakePortListeners();

    Path projects() {
        return home.resolve("projects");
    }

    RunningServerFiles servers() {
        return new RunningServerFiles(projects(), processes, ports);
    }

    /** A server that runs and listens, as the embedded server leaves it. */
    ProcessIdentity running(String project, int port) throws Exception {
        ProcessIdentity server = processes.start();
        listen(server, port);
        serverJson(project, "{\"pid\":" + server.pid() + ",\"port\":" + port + ",\"started_at\":\"" + STARTED + "\"}\n");
        return server;
    }

    Path serverJson(String project, String content) throws Exception {
        Path folder = Files.createDirectories(projects().resolve(project));
        return Files.writeString(folder.resolve("server.json"), content, StandardCharsets.UTF_8);
    }

    @Test
    void eachRunningServerHoldsItsPortOwnedByItsProcess() throws Exception {
        ProcessIdentity web = running("web", 3000);
        ProcessIdentity api = running("api", 3001);

        Registry rebuilt = servers().registry();

        assertThat(rebuilt.list()).containsExactlyInAnyOrder(
                Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.of(web), Instant.parse(STARTED)),
                Allocation.held(ProjectName.of("api"), PortNumber.of(3001), Optional.of(api), Instant.parse(STARTED)));
        assertThat(rebuilt.lastCleanup()).isEmpty();
    }

    @Test
    void nothingToRebuildFromWithoutAProjectsFolder() {
        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void aServerWhosePidNoLongerRunsIsLeftOut() throws Exception {
        ProcessIdentity killed = running("web", 3000);
        processes.kill(killed);

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void aLivePidWhosePortIsFreeIsAnotherProgramAndIsLeftOut() throws Exception {
        running("web", 3000);
        ports.close(3000);

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void aLivePidNextToAnotherProcesssListenerIsLeftOut() throws Exception {
        // Issue #13 item 2: a planted server.json naming any live process, and some listener on the
        // port, used to be trusted, and stop then signalled that process tree.
        ProcessIdentity bystander = processes.start();
        ProcessIdentity listener = processes.start();
        listen(listener, 3000);
        serverJson("web", "{\"pid\":" + bystander.pid() + ",\"port\":3000,\"started_at\":\"" + STARTED + "\"}");

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void nothingIsRebuiltWhereTheHostCannotTellWhoListens() throws Exception {
        running("web", 3000);
        ports.cannotTell();

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void ofTwoClaimsOnOnePortTheFirstProjectByNameWinsAndTheOtherIsLeftOut() throws Exception {
        ProcessIdentity alpha = running("alpha", 3000);
        running("beta", 3000);

        Registry rebuilt = servers().registry();

        assertThat(rebuilt.list()).extracting(Allocation::project, Allocation::owner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProjectName.of("alpha"), Optional.of(alpha)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage", "[]", "null", "{\"port\":3000,\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":\"PID\",\"port\":3000,\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":1.5,\"port\":3000,\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":-1,\"port\":3000,\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":PID,\"port\":70000,\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":PID,\"port\":0,\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":PID,\"port\":\"3000\",\"started_at\":\"" + STARTED + "\"}",
            "{\"pid\":PID,\"port\":3000}",
            "{\"pid\":PID,\"port\":3000,\"started_at\":\"yesterday\"}",
            "{\"pid\":PID,\"port\":3000,\"started_at\":\"" + STARTED + "\""})
    void aDamagedServerFileIsLeftOut(String content) throws Exception {
        ProcessIdentity live = processes.start();
        listen(live, 3000);
        serverJson("web", content.replace("PID", Long.toString(live.pid())));

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void theCheckOfAWellFormedFileIsNotVacuous() throws Exception {
        ProcessIdentity live = processes.start();
        listen(live, 3000);
        serverJson("web", "{\"pid\":" + live.pid() + ",\"port\":3000,\"started_at\":\"" + STARTED + "\"}");

        assertThat(servers().registry().size()).isEqualTo(1);
    }

    @Test
    void anOversizedServerFileIsLeftOut() throws Exception {
        ProcessIdentity live = processes.start();
        listen(live, 3000);
        serverJson("web", "{\"pid\":" + live.pid() + ",\"port\":3000,\"started_at\":\"" + STARTED + "\",\"pad\":\""
                + "x".repeat(70 * 1024) + "\"}");

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void folderNamesThatAreNoProjectNamesAreLeftOut() throws Exception {
        running(".hidden", 3000);
        running("Upper", 3001);
        running("with space", 3002);

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void aSymlinkedServerFileOrProjectFolderIsNotFollowed() throws Exception {
        ProcessIdentity live = processes.start();
        listen(live, 3000);
        listen(live, 3001);
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Path target = Files.writeString(elsewhere.resolve("server.json"),
                "{\"pid\":" + live.pid() + ",\"port\":3000,\"started_at\":\"" + STARTED + "\"}");
        Files.createSymbolicLink(Files.createDirectories(projects().resolve("web")).resolve("server.json"), target);
        Files.createSymbolicLink(projects().resolve("api"), elsewhere);

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void aServerFileOthersCanWriteIsLeftOut() throws Exception {
        running("web", 3000);
        Files.setPosixFilePermissions(projects().resolve("web/server.json"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void aServerFileOfAnotherUserIsLeftOut() throws Exception {
        assumeTrue(((Integer) Files.getAttribute(home, "unix:uid")) == 0, "giving a file to another user needs root");
        running("web", 3000);
        Files.setAttribute(projects().resolve("web/server.json"), "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);

        assertThat(servers().registry()).isEqualTo(Registry.EMPTY);
    }

    /** The process itself holds a socket listening on the port, as a real server does. */
    void listen(ProcessIdentity process, int port) {
        ports.listen(port, new PortListener("127.0.0.1", java.util.List.of(new ListeningProcess(process.pid(), process.pid(), "java"))));
    }
}
