package dev.localdb.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.ProcessInspectorContract;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import org.junit.jupiter.api.Test;

/** The fake process table keeps the same promises as the real inspector. */
class FakeProcessInspectorContractTest extends ProcessInspectorContract {
    private final FakeProcessInspector fake = new FakeProcessInspector();

    @Override
    protected ProcessInspector newInspector() {
        return fake;
    }

    @Override
    protected long startProcess() {
        return fake.start().pid();
    }

    @Override
    protected void endProcess(long pid) {
        fake.identify(pid).ifPresent(fake::kill);
    }

    @Override
    protected long deadPid() {
        ProcessIdentity process = fake.start();
        fake.kill(process);
        return process.pid();
    }

    @Override
    protected Session startSession() {
        ProcessIdentity leader = fake.start();
        ProcessIdentity member = fake.start();
        fake.joinSession(leader, member);
        return new Session(leader.pid(), member.pid());
    }

    @Override
    protected void kill(long pid) {
        endProcess(pid);
    }

    /** Beyond the contract: the fake's own reboot must not hand our PID to the next process. */
    @Test
    void afterARebootANewProcessDoesNotReplaceTheCurrentOne() {
        fake.reboot();

        ProcessIdentity other = fake.start();

        assertThat(other.pid()).isNotEqualTo(fake.current().pid());
        assertThat(fake.isAlive(fake.current())).isTrue();
        assertThat(fake.isAlive(other)).isTrue();
    }
}
