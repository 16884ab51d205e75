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

    /** A session leader and a process it started in its session (as a shell starts a dev server). */
    public record Session(long leader, long member) {
    }

    /** Starts a session leader that starts one member, both running until ended. */
    protected abstract Session startSession() throws Exception;

    /** Ends the process at once, as {@code kill -9} would, without touching the rest of its session. */
    protected abstract void kill(long pid) throws Exception;

    /** Whether this inspector can see sessions at all; where it cannot, nothing lives on. */
    protected boolean seesSessions() {
        return true;
    }

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

    @Test
    void aDeadLeaderLivesOnInItsSessionOnlyWhileAMemberRuns() throws Exception {
        Session session = startSession();
        ProcessIdentity leader = inspector.identify(session.leader()).orElseThrow();
        try {
            assertThat(inspector.sessionsLivingOn().test(leader)).as("a leader that runs is alive, not living on").isFalse();

            kill(session.leader());
            assertThat(inspector.isAlive(leader)).isFalse();
            assertThat(inspector.sessionsLivingOn().test(leader)).as("its member still runs").isEqualTo(seesSessions());
            assertThat(inspector.sessionsLivingOn().test(new ProcessIdentity(leader.pid(), leader.startTime(), leader.bootId() + "-earlier")))
                    .as("the same leader from another boot").isFalse();
        } finally {
            kill(session.member());
        }
        assertThat(inspector.sessionsLivingOn().test(leader)).as("nothing of the session runs").isFalse();
    }
}
