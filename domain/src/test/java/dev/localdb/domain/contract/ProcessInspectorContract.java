package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProcessInspector} must do, run against the real inspector (real processes)
 * and the fake alike. The point of an identity is that a PID alone proves nothing: the same PID
 * with another start time, or from another boot, is another process.
 */
public abstract class ProcessInspectorContract {

    protected ProcessInspector inspector;

    /** A new inspector for one test. */
    protected abstract ProcessInspector newInspector();

    /** Starts a process that keeps running until {@link #endProcess} and returns its PID. */
    protected abstract long startProcess() throws Exception;

    /** Ends a process from {@link #startProcess} and returns only once it has fully exited. */
    protected abstract void endProcess(long pid) throws Exception;

    /** The PID of a process that has exited. */
    protected abstract long deadPid() throws Exception;

    @BeforeEach
    void createInspector() {
        inspector = newInspector();
    }

    @Test
    void theCurrentProcessIsAlive() {
        ProcessIdentity self = inspector.current();

        assertThat(inspector.isAlive(self)).isTrue();
        assertThat(inspector.identify(self.pid())).contains(self);
    }

    @Test
    void aStartedProcessIsAliveAndIdentifiedTheSameWayEachTime() throws Exception {
        long pid = startProcess();
        try {
            ProcessIdentity first = inspector.identify(pid).orElseThrow();

            assertThat(first.pid()).isEqualTo(pid);
            assertThat(first.bootId()).as("same boot as this process").isEqualTo(inspector.current().bootId());
            assertThat(first).isNotEqualTo(inspector.current());
            assertThat(inspector.isAlive(first)).isTrue();
            assertThat(inspector.identify(pid)).contains(first);
        } finally {
            endProcess(pid);
        }
    }

    @Test
    void aProcessThatEndedIsNotAliveAndCannotBeIdentified() throws Exception {
        long pid = startProcess();
        ProcessIdentity identity;
        try {
            identity = inspector.identify(pid).orElseThrow();
        } finally {
            endProcess(pid);
        }

        assertThat(inspector.isAlive(identity)).isFalse();
        assertThat(inspector.identify(pid)).isEmpty();
    }

    @Test
    void theSamePidWithAnotherStartTimeIsAnotherProcess() throws Exception {
        long pid = startProcess();
        try {
            ProcessIdentity real = inspector.identify(pid).orElseThrow();

            assertThat(inspector.isAlive(new ProcessIdentity(pid, real.startTime() + 1, real.bootId()))).isFalse();
            assertThat(inspector.isAlive(new ProcessIdentity(pid, real.startTime() - 1, real.bootId()))).isFalse();
        } finally {
            endProcess(pid);
        }
    }

    @Test
    void aProcessFromAnotherBootIsNotAlive() {
        ProcessIdentity self = inspector.current();

        ProcessIdentity beforeReboot = new ProcessIdentity(self.pid(), self.startTime(), self.bootId() + "-earlier");

        assertThat(inspector.isAlive(beforeReboot)).isFalse();
    }

    @Test
    void aDeadPidHasNoIdentity() throws Exception {
        long pid = deadPid();

        assertThat(inspector.identify(pid)).isEmpty();
        assertThat(inspector.isAlive(new ProcessIdentity(pid, 0, inspector.current().bootId()))).isFalse();
    }
}
