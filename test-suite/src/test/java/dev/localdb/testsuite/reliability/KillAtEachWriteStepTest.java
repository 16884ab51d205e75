package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a real {@code localdb port} at each step of its registry write: after the temp file
 * is written, after it is synced, after it is renamed over the registry. Before the rename the old
 * registry must be there byte for byte; after it the new one; either way it parses, and the next
 * change removes the temp file the killed writer left.
 */
class KillAtEachWriteStepTest {
    @TempDir
    Path home;

    @ParameterizedTest(name = "killed after the temp file was {0}")
    @ValueSource(strings = {"written", "synced", "renamed"})
    void theRegistryIsTheOldOrTheNewOneAndTheNextChangeCleansUp(String step) throws Exception {
        LocalDbRunner localdb = new LocalDbRunner(home);
        assertThat(localdb.run("port", "before").exitCode()).isZero();
        long started = System.nanoTime();
        int repeats = Intensity.stepRepeats();
        for (int i = 0; i < repeats; i++) {
            byte[] old = Files.readAllBytes(RegistryFile.path(home));
            Registry oldRegistry = RegistryCheck.readWithoutWarnings(home);
            ProjectName killed = ProjectName.of("killed-" + i);

            List<String> tempsWhilePaused;
            try (PausedWriter writer = PausedWriter.start(home, step, "port", killed.value())) {
                assertThat(RegistryCheck.lockHeldByAnotherProcess(home)).as("the paused writer holds the lock").isTrue();
                tempsWhilePaused = RegistryCheck.tempFiles(home);
                writer.kill();
            }

            Registry after = RegistryCheck.readWithoutWarnings(home);
            if (step.equals("renamed")) {
                assertThat(tempsWhilePaused).as("the temp file became the registry").isEmpty();
                assertThat(after.find(killed)).as("the new registry, with the killed writer's allocation").isPresent();
                assertThat(after.without(killed)).as("and everything else as it was").isEqualTo(oldRegistry);
            } else {
                assertThat(tempsWhilePaused).as("the killed writer's temp file").hasSize(1);
                assertThat(RegistryCheck.tempFiles(home)).as("left behind by the kill").isEqualTo(tempsWhilePaused);
                assertThat(Files.readAllBytes(RegistryFile.path(home))).as("the old registry, byte for byte").isEqualTo(old);
            }

            Result next = localdb.run("port", "next-" + i);
            assertThat(next.exitCode()).as(next.toString()).isZero();
            assertThat(next.err()).as("no warning about the registry").isEmpty();
            assertThat(RegistryCheck.tempFiles(home)).as("temp files after the next change").isEmpty();
            assertThat(RegistryCheck.readWithoutWarnings(home).without(ProjectName.of("next-" + i)))
                    .as("the next change keeps what the kill left").isEqualTo(after);
        }
        Figures.record("KillAtEachWriteStepTest." + step, repeats + " kill -9 of bin/localdb paused after the temp file was "
                + step + ": registry " + (step.equals("renamed") ? "new" : "old, byte-identical") + ", parsed, temp files removed by the"
                + " next change, " + Figures.secondsSince(started));
    }
}
