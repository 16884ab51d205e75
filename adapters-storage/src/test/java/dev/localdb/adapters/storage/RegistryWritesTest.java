package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.port.RegistryTransaction.Outcome;
import dev.localdb.files.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's write steps, through the package-private seam the crash tests use (the test-suite
 * loads it into a real localdb as a Java agent). Here a "crash" is an exception at a step.
 */
class RegistryWritesTest {
    @TempDir
    Path home;

    @AfterEach
    void backToProduction() {
        RegistryWrites.stopAt(Checkpoint.NONE);
    }

    @Test
    void everyRegistryWriteGoesThroughTheStepsInOrder() {
        StoreFixture fixture = new StoreFixture(home);
        List<Checkpoint.Step> heard = new ArrayList<>();
        RegistryWrites.stopAt(heard::add);

        fixture.add("web", 3000);

        assertThat(heard).containsExactly(Checkpoint.Step.WRITTEN, Checkpoint.Step.SYNCED, Checkpoint.Step.RENAMED);
    }

    @Test
    void aWriteStoppedBeforeItsRenameLeavesTheOldRegistryWholeAndNoTemporaryFile() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        byte[] before = Files.readAllBytes(fixture.data());
        RegistryWrites.stopAt(step -> {
            if (step == Checkpoint.Step.SYNCED) {
                throw new IllegalStateException("crash at " + step);
            }
        });

        assertThatThrownBy(() -> fixture.add("api", 3001)).hasStackTraceContaining("crash at SYNCED");

        RegistryWrites.stopAt(Checkpoint.NONE);
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
        assertThat(fixture.filesStartingWith(RegistryFiles.TEMP_PREFIX)).isEmpty();
        fixture.store.update(current -> new Outcome<>(current, null));
        assertThat(fixture.store.read().size()).isEqualTo(1);
    }
}
