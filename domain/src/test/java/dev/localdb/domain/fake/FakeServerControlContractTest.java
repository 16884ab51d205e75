package dev.localdb.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.ServerControlContract;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ServerControl;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake control keeps the same promises as the real one. */
class FakeServerControlContractTest extends ServerControlContract {
    private final FakeProcessInspector processes = new FakeProcessInspector();
    private final FakeServerControl fake = new FakeServerControl(processes);

    @Override
    protected ServerControl newControl() {
        return fake;
    }

    @Override
    protected AutoCloseable listen(int port) {
        if (fake.acceptsConnections(PortNumber.of(port))) {
            throw new IllegalStateException("port " + port + " is taken");
        }
        fake.listen(port);
        return () -> fake.close(port);
    }

    @Override
    protected int freePort() {
        return 41_000;
    }

    @Override
    protected ProcessIdentity startProcess() {
        return processes.start();
    }

    @Override
    protected ProcessIdentity startProcessIgnoringStop() {
        ProcessIdentity process = processes.start();
        fake.ignoreTerm(process);
        return process;
    }

    @Override
    protected void endProcess(ProcessIdentity process) {
        processes.kill(process);
    }

    @Override
    protected boolean isRunning(ProcessIdentity process) {
        return processes.isAlive(process);
    }

    @Test
    void aMismatchedIdentityIsNeverSignalled() {
        ProcessIdentity real = processes.start();

        fake.terminate(new ProcessIdentity(real.pid(), real.startTime() + 1, real.bootId()), Duration.ZERO);

        assertThat(fake.signalled()).isEmpty();
    }

    @Test
    void aServedPortStopsAnsweringWhenItsProcessDies() {
        ProcessIdentity server = processes.start();
        fake.serve(server, PortNumber.of(41_001));
        assertThat(fake.acceptsConnections(PortNumber.of(41_001))).isTrue();

        processes.kill(server);

        assertThat(fake.acceptsConnections(PortNumber.of(41_001))).isFalse();
    }
}
