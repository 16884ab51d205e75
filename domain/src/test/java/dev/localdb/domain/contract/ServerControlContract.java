package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ServerControl.Termination;
import dev.localdb.domain.port.ServerControl;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServerControl} must do, run against real sockets and processes and against
 * the fake alike. The safety rule comes first: an identity that does not match the live process
 * (another start time, or a process that has gone) is never signalled.
 */
public abstract class ServerControlContract {

    protected ServerControl control;

    /** A new control for one test. */
    protected abstract ServerControl newControl();

    /** Accepts connections on 127.0.0.1:{@code port} until closed; throws when the port cannot be taken. */
    protected abstract AutoCloseable listen(int port) throws Exception;

    /** A port nothing listens on right now. */
    protected abstract int freePort() throws Exception;

    /** Starts a process that stops when asked politely (SIGTERM); the subclass cleans it up after the test. */
    protected abstract ProcessIdentity startProcess() throws Exception;

    /** Starts a process that ignores the polite request and must be killed. */
    protected abstract ProcessIdentity startProcessIgnoringStop() throws Exception;

    /** Ends a process from {@link #startProcess} and returns once it has fully exited. */
    protected abstract void endProcess(ProcessIdentity process) throws Exception;

    /** The test's own view of the process table (not the control's): does this process still run? */
    protected abstract boolean isRunning(ProcessIdentity process);

    /** Long enough for a process that honours SIGTERM to stop. */
    protected Duration generousGrace() {
        return Duration.ofSeconds(10);
    }

    /** Short, for processes that will not stop politely anyway. */
    protected Duration shortGrace() {
        return Duration.ofMillis(300);
    }

    @BeforeEach
    void createControl() {
        control = newControl();
    }

    @Test
    void aPortWithAListenerAcceptsConnections() throws Exception {
        int port = freePort();

        try (AutoCloseable ignored = listen(port)) {
            assertThat(control.acceptsConnections(PortNumber.of(port))).as("port %d has a listener", port).isTrue();
        }
    }

    @Test
    void aPortStopsAcceptingOnceItsListenerCloses() throws Exception {
        int port = freePort();
        assertThat(control.acceptsConnections(PortNumber.of(port))).as("nothing listens yet").isFalse();
        try (AutoCloseable ignored = listen(port)) {
            assertThat(control.acceptsConnections(PortNumber.of(port))).isTrue();
        }

        assertThat(control.acceptsConnections(PortNumber.of(port))).as("listener closed").isFalse();
    }

    @Test
    void aRunningProcessIsStoppedPolitely() throws Exception {
        ProcessIdentity process = startProcess();
        assertThat(isRunning(process)).isTrue();

        assertThat(control.terminate(process, generousGrace())).isEqualTo(Termination.STOPPED);

        assertThat(isRunning(process)).as("gone once terminate returns").isFalse();
    }

    @Test
    void aProcessThatIgnoresTheRequestIsKilledAfterTheGracePeriod() throws Exception {
        ProcessIdentity process = startProcessIgnoringStop();

        assertThat(control.terminate(process, shortGrace())).isEqualTo(Termination.KILLED);

        assertThat(isRunning(process)).as("gone once terminate returns").isFalse();
    }

    @Test
    void aPidWithAnotherStartTimeIsNotSignalled() throws Exception {
        ProcessIdentity real = startProcess();
        try {
            ProcessIdentity impostor = new ProcessIdentity(real.pid(), real.startTime() + 1, real.bootId());

            assertThat(control.terminate(impostor, shortGrace())).isEqualTo(Termination.NOT_RUNNING);

            assertThat(isRunning(real)).as("the live process with that PID was left alone").isTrue();
            // Had it received SIGTERM it would be gone or going, and this would not say STOPPED.
            assertThat(control.terminate(real, generousGrace())).isEqualTo(Termination.STOPPED);
        } finally {
            endProcess(real);
        }
    }

    @Test
    void aProcessThatHasEndedIsNotRunning() throws Exception {
        ProcessIdentity process = startProcess();
        endProcess(process);

        assertThat(control.terminate(process, shortGrace())).isEqualTo(Termination.NOT_RUNNING);
    }

    @Test
    void aLiveServerHasNoLeftoversToStop() throws Exception {
        ProcessIdentity server = startProcess();
        try {
            assertThat(control.leftovers(server)).isZero();
            assertThat(control.stopLeftovers(server, shortGrace())).isZero();
            assertThat(isRunning(server)).isTrue();
        } finally {
            endProcess(server);
        }
    }

    @Test
    void aServerThatEndedWithoutChildrenLeavesNothingBehind() throws Exception {
        ProcessIdentity server = startProcess();
        endProcess(server);

        assertThat(control.leftovers(server)).isZero();
        assertThat(control.stopLeftovers(server, shortGrace())).isZero();
    }
}
