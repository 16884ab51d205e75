package dev.localdb.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.ServerLauncherContract;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLauncher;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fake launcher keeps the same promises as the real one, and its scripts do what they say. */
class FakeServerLauncherContractTest extends ServerLauncherContract {
    private final FakeProcessInspector processes = new FakeProcessInspector();
    private final FakeServerControl control = new FakeServerControl(processes);
    private final FakeServerLauncher fake = new FakeServerLauncher(processes, control);

    @Override
    protected ServerLauncher newLauncher() {
        return fake;
    }

    @Override
    protected LaunchSpec keepsRunning(ProjectName name, PortNumber port) {
        fake.becomesReady(name);
        return spec(name, port);
    }

    @Override
    protected LaunchSpec exitsAtOnceSaying(ProjectName name, PortNumber port, String line) {
        fake.exitsAtOnce(name, line);
        return spec(name, port);
    }

    @Override
    protected boolean isRunning(ProcessIdentity process) {
        return processes.isAlive(process);
    }

    @Test
    void aReadyServerAcceptsConnectionsUntilItIsTerminated() {
        LaunchSpec spec = spec(ProjectName.of("ready"), PortNumber.of(42_000));

        ProcessIdentity server = fake.launch(spec);

        assertThat(control.acceptsConnections(spec.port())).isTrue();
        control.terminate(server, java.time.Duration.ZERO);
        assertThat(control.acceptsConnections(spec.port())).isFalse();
        assertThat(fake.launches()).containsExactly(spec);
        assertThat(fake.started()).containsExactly(server);
    }

    @Test
    void aServerScriptedNeverReadyRunsWithoutAcceptingConnections() {
        ProjectName name = ProjectName.of("slow");
        fake.neverReady(name);
        LaunchSpec spec = spec(name, PortNumber.of(42_001));

        ProcessIdentity server = fake.launch(spec);

        assertThat(processes.isAlive(server)).isTrue();
        assertThat(control.acceptsConnections(spec.port())).isFalse();
    }

    @Test
    void onlyTheLastLinesAreReturned() {
        ProjectName name = ProjectName.of("chatty");
        fake.exitsAtOnce(name, "one", "two", "three");

        fake.launch(spec(name, PortNumber.of(42_002)));

        assertThat(fake.lastLogLines(spec(name, PortNumber.of(42_002)), 2)).containsExactly("two", "three");
    }

    private static LaunchSpec spec(ProjectName name, PortNumber port) {
        return new LaunchSpec(ProjectConfig.defaults(name, Instant.parse("2025-01-01T00:00:00Z")), port);
    }
}
