package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.fake.FakePortListeners;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import dev.localdb.domain.port.RunningServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a change finds the registry damaged, it keeps the file aside and rebuilds what the running
 * servers prove, so running projects keep their ports; a read warns and rebuilds nothing.
 */
class RebuildFromRunningServersTest {
    private static final byte[] GARBAGE = "{\"schemaVersion\":1,\"allocations\":[{\"proj".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;
    final FakeProcessInspector processes = new FakeProcessInspector();
    final FakePortListeners ports = new FakePortListeners();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    StoreFixture files;
    JsonFileRegistryStore store;
    Path projects;

    @BeforeEach
    void setUp() {
        files = new StoreFixture(home);
        projects = home.resolve("projects");
        store = new JsonFileRegistryStore(files.runtime, JsonFileRegistryStore.DEFAULT_LOCK_TIMEOUT, warnings::add,
                new RunningServerFiles(projects, processes, ports));
    }

    ProcessIdentity running(String project, int port) throws Exception {
        ProcessIdentity server = processes.start();
        listen(server, port);
        Path folder = Files.createDirectories(projects.resolve(project));
        Files.writeString(folder.resolve("server.json"),
                "{\"pid\":" + server.pid() + ",\"port\":" + port + ",\"started_at\":\"2025-01-31T12:00:00Z\"}\n");
        return server;
    }

    @Test
    void aChangeRebuildsTheRunningProjectsOnTheirPortsAndSaysHowMany() throws Exception {
        ProcessIdentity web = running("web", 3000);
        ProcessIdentity api = running("api", 3001);
        files.writeRegistry(GARBAGE);
        List<Registry> given = new ArrayList<>();

        Registry published = store.update(current -> {
            given.add(current);
            Allocation fresh = Allocation.held(ProjectName.of("fresh"), PortNumber.of(4000), Optional.empty(), Instant.EPOCH);
            return new Outcome<>(current.with(fresh), current.with(fresh));
        });

        assertThat(given).singleElement().satisfies(current -> {
            assertThat(current.find(ProjectName.of("web")).orElseThrow().owner()).contains(web);
            assertThat(current.find(ProjectName.of("web")).orElseThrow().port()).isEqualTo(PortNumber.of(3000));
            assertThat(current.find(ProjectName.of("api")).orElseThrow().owner()).contains(api);
            assertThat(current.list()).allMatch(a -> a.state() == AllocationState.HELD).hasSize(2);
        });
        assertThat(published.size()).isEqualTo(3);
        assertThat(store.read()).isEqualTo(published);
        Path kept = files.filesStartingWith(".port-registry.json.corrupt-").get(0);
        assertThat(Files.readAllBytes(kept)).isEqualTo(GARBAGE);
        assertThat(StoreFixture.permissions(kept)).isEqualTo("rw-------");
        assertThat(warnings).singleElement().asString()
                .startsWith("Registry " + files.data() + " was damaged (not valid JSON at line 1, column ")
                .endsWith("); kept it as " + kept + " and rebuilt it from the running servers:"
                        + " 2 running projects keep their ports (api 3001, web 3000).");
    }

    @Test
    void theRebuiltRegistryIsWrittenEvenWhenTheChangeItselfChangesNothing() throws Exception {
        ProcessIdentity web = running("web", 3000);
        files.writeRegistry(GARBAGE);

        store.update(current -> new Outcome<>(current, null));

        assertThat(store.read().list()).singleElement().satisfies(allocation -> {
            assertThat(allocation.project()).isEqualTo(ProjectName.of("web"));
            assertThat(allocation.owner()).contains(web);
        });
        assertThat(StoreFixture.permissions(files.data())).isEqualTo("rw-------");
        assertThat(warnings).singleElement().asString().endsWith(": 1 running project keeps its port (web 3000).");
    }

    @Test
    void withoutRunningServersTheWarningSaysThereWasNothingToRebuildFrom() throws Exception {
        ProcessIdentity dead = running("web", 3000);
        processes.kill(dead);
        files.writeRegistry(GARBAGE);

        Registry published = store.update(current -> new Outcome<>(current, current));

        assertThat(published).isEqualTo(Registry.EMPTY);
        assertThat(warnings).singleElement().asString()
                .endsWith(" and started a fresh one; no running server was found to rebuild it from.");
    }

    @Test
    void aReadWarnsButRebuildsAndWritesNothing() throws Exception {
        running("web", 3000);
        files.writeRegistry(GARBAGE);
        FileTime modified = Files.getLastModifiedTime(files.data());

        assertThat(store.read()).isEqualTo(Registry.EMPTY);

        assertThat(Files.readAllBytes(files.data())).isEqualTo(GARBAGE);
        assertThat(Files.getLastModifiedTime(files.data())).isEqualTo(modified);
        assertThat(files.filesStartingWith(".port-registry")).containsExactly(files.data());
        assertThat(warnings).singleElement().asString().contains("is damaged");
    }

    @Test
    void whenRebuildingFailsTheDamagedFileStaysWhereTheNextChangeFindsIt() throws Exception {
        files.writeRegistry(GARBAGE);
        RunningServers failing = () -> {
            throw new IllegalStateException("no /proc");
        };
        JsonFileRegistryStore broken = new JsonFileRegistryStore(files.runtime, JsonFileRegistryStore.DEFAULT_LOCK_TIMEOUT,
                warnings::add, failing);

        assertThatThrownBy(() -> broken.update(current -> new Outcome<>(current, null))).hasMessage("no /proc");

        assertThat(Files.readAllBytes(files.data())).isEqualTo(GARBAGE);
        assertThat(files.filesStartingWith(".port-registry.json.corrupt-")).isEmpty();
    }

    @Test
    void anIntactRegistryIsNeverRebuilt() throws Exception {
        running("web", 3000);
        files.add("api", 3001);

        Registry current = store.update(c -> new Outcome<>(c, c));

        assertThat(current.allocations().keySet()).containsExactly(ProjectName.of("api"));
        assertThat(warnings).isEmpty();
    }

    /** The process itself holds a socket listening on the port, as a real server does. */
    void listen(ProcessIdentity process, int port) {
        ports.listen(port, new PortListener("127.0.0.1", java.util.List.of(new ListeningProcess(process.pid(), process.pid(), "java"))));
    }
}
