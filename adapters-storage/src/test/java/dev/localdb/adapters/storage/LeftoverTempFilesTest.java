package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that crashed before its rename leaves a temporary file; the next store's first change clears it away. */
class LeftoverTempFilesTest {
    @TempDir
    Path home;

    @Test
    void aStoresFirstChangeDeletesLeftoverTemporaryFilesAndNothingElse() throws Exception {
        new StoreFixture(home).add("web", 3000);
        StoreFixture fixture = new StoreFixture(home); // the next process
        Path leftover = Files.writeString(fixture.runtime.resolve(".port-registry.json.tmp-4242-deadbeef"), "{\"half");
        Path emptyLeftover = Files.createFile(fixture.runtime.resolve(".port-registry.json.tmp-1-0"));
        Path kept = Files.writeString(fixture.runtime.resolve(".port-registry.json.corrupt-20250101T000000.000Z"), "old");
        Path unrelated = Files.writeString(fixture.runtime.resolve("notes.txt"), "mine");

        fixture.store.update(current -> new Outcome<>(current, null));

        assertThat(leftover).doesNotExist();
        assertThat(emptyLeftover).doesNotExist();
        assertThat(kept).hasContent("old");
        assertThat(unrelated).hasContent("mine");
        assertThat(fixture.store.read().size()).isEqualTo(1);
    }

    @Test
    void aStoreSweepsOnceSoALeftoverMadeAfterItsFirstChangeWaitsForTheNextStore() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        Path leftover = Files.writeString(fixture.runtime.resolve(".port-registry.json.tmp-4242-deadbeef"), "{\"half");

        fixture.add("api", 3001);
        assertThat(leftover).hasContent("{\"half");

        new StoreFixture(home).store.update(current -> new Outcome<>(current, null));
        assertThat(leftover).doesNotExist();
        assertThat(fixture.store.read().size()).isEqualTo(2);
    }

    @Test
    void aReadLeavesLeftoversForTheNextChange() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        Path leftover = Files.writeString(fixture.runtime.resolve(".port-registry.json.tmp-4242-deadbeef"), "{\"half");

        StoreFixture reader = new StoreFixture(home); // one that has not swept yet
        reader.store.read();

        assertThat(leftover).hasContent("{\"half");
    }

    @Test
    void aWriteLeavesNoTemporaryFileBehind() throws Exception {
        StoreFixture fixture = new StoreFixture(home);

        fixture.add("web", 3000);
        fixture.add("api", 3001);

        assertThat(fixture.filesStartingWith(".port-registry.json.tmp-")).isEmpty();
    }
}
