package dev.localdb.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.ForegroundLauncherContract;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.port.ForegroundLauncher;
import dev.localdb.domain.port.ForegroundSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The fake foreground launcher keeps the real one's promises, and plays the JVM's end when told. */
class FakeForegroundLauncherContractTest extends ForegroundLauncherContract {
    private final FakeForegroundLauncher fake = new FakeForegroundLauncher(Map.of("PORT_STALE", "1", "LOCALDB_PROJECT", "other"));

    @Override
    protected ForegroundLauncher newLauncher() {
        return fake;
    }

    @Override
    protected ForegroundCommand exitingWith(int status) {
        fake.exitsWith("tool", status);
        return ForegroundCommand.given(List.of("tool"));
    }

    @Override
    protected ForegroundCommand ofAMissingProgram() {
        fake.cannotStart("missing", ForegroundExit.Reason.NOT_FOUND);
        return ForegroundCommand.given(List.of("missing", "--flag"));
    }

    @Override
    protected ForegroundCommand ofAFileThatIsNotExecutable() {
        fake.cannotStart("notes.txt", ForegroundExit.Reason.NOT_EXECUTABLE);
        return ForegroundCommand.given(List.of("notes.txt"));
    }

    @Override
    protected ForegroundCommand reportingItsEnvironment() {
        return ForegroundCommand.given(List.of("env"));
    }

    @Override
    protected Map<String, String> reportedEnvironment() {
        List<FakeForegroundLauncher.Run> runs = fake.runs();
        return runs.get(runs.size() - 1).environment();
    }

    @Test
    void aShutdownRunsTheLastStepOfAnOpenSessionOnly() {
        AtomicBoolean lastStepRan = new AtomicBoolean();
        ForegroundSession session = fake.open(() -> lastStepRan.set(true));
        session.close();

        fake.shutDown();
        assertThat(lastStepRan).as("after the session closed").isFalse();

        fake.open(() -> lastStepRan.set(true));
        fake.shutDown();
        assertThat(lastStepRan).as("while a session is open").isTrue();
    }
}
