package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ForegroundLauncher;
import dev.localdb.domain.port.ForegroundSession;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForegroundLauncher} must do. What happens when the process itself is made to
 * end (signals, the shutdown hook) cannot happen inside a test's JVM; the test-suite runs it against
 * a real {@code localdb run} (NeverLosesItsServersTest).
 */
public abstract class ForegroundLauncherContract {
    /** The ports every run gets: web on 41401, with api on 41402. */
    protected static final Allocation PORTS = Allocation.held(ProjectName.of("web"), PortNumber.of(41_401), Optional.empty(),
            Instant.parse("2025-01-01T00:00:00Z")).withNamedPorts(Map.of(PortName.of("api"), PortNumber.of(41_402)));

    protected ForegroundLauncher launcher;

    /** A launcher whose inherited environment has {@code PORT_STALE=1} and {@code LOCALDB_PROJECT=other}, as if run from inside another project. */
    protected abstract ForegroundLauncher newLauncher() throws Exception;

    /** A command that exits at once with this status. */
    protected abstract ForegroundCommand exitingWith(int status) throws Exception;

    /** A command whose program does not exist. */
    protected abstract ForegroundCommand ofAMissingProgram() throws Exception;

    /** A command whose program is a file that cannot be executed. */
    protected abstract ForegroundCommand ofAFileThatIsNotExecutable() throws Exception;

    /** A command that reports its environment, and then what it reported (once it has ended). */
    protected abstract ForegroundCommand reportingItsEnvironment() throws Exception;

    protected abstract Map<String, String> reportedEnvironment() throws Exception;

    @BeforeEach
    void createLauncher() throws Exception {
        launcher = newLauncher();
    }

    @Test
    void theCommandRunsToItsEndAndItsExitStatusIsReturned() throws Exception {
        AtomicBoolean lastStepRan = new AtomicBoolean();

        ForegroundExit exit;
        try (ForegroundSession session = launcher.open(() -> lastStepRan.set(true))) {
            exit = session.runToEnd(exitingWith(7), PORTS);
        }

        assertThat(exit).isEqualTo(new ForegroundExit.Exited(7));
        assertThat(lastStepRan).as("the last step is for a process made to end, not for a session closed normally").isFalse();
    }

    @Test
    void aProgramThatDoesNotExistOrIsNotExecutableIsNotStarted() throws Exception {
        ForegroundCommand missing = ofAMissingProgram();
        ForegroundCommand plain = ofAFileThatIsNotExecutable();

        try (ForegroundSession session = launcher.open(() -> { })) {
            assertThat(session.runToEnd(missing, PORTS))
                    .isEqualTo(new ForegroundExit.NotStarted(missing.program(), ForegroundExit.Reason.NOT_FOUND));
            assertThat(session.runToEnd(plain, PORTS))
                    .isEqualTo(new ForegroundExit.NotStarted(plain.program(), ForegroundExit.Reason.NOT_EXECUTABLE));
        }
    }

    @Test
    void theCommandFindsItsPortsAndProjectInItsEnvironmentAndNoOtherProjects() throws Exception {
        try (ForegroundSession session = launcher.open(() -> { })) {
            assertThat(session.runToEnd(reportingItsEnvironment(), PORTS)).isEqualTo(new ForegroundExit.Exited(0));
        }

        assertThat(reportedEnvironment()).containsEntry("PORT", "41401").containsEntry("PORT_API", "41402")
                .containsEntry("LOCALDB_PROJECT", "web").doesNotContainKey("PORT_STALE");
    }
}
