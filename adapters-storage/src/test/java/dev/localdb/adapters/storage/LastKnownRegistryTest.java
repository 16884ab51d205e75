package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store does not parse again a file that holds the bytes it last read or wrote; these cases
 * show that a change by anyone else is still seen, even one that keeps the file's size.
 */
class LastKnownRegistryTest {
    @TempDir
    Path home;

    @Test
    void aChangeByAnotherStoreOfTheSameSizeIsSeen() {
        StoreFixture mine = new StoreFixture(home);
        StoreFixture other = new StoreFixture(home);
        mine.store.update(current -> new Outcome<>(current.with(held("web", 3000)), null));
        // Same length on disk: 3000 becomes 3001.
        other.store.update(current -> new Outcome<>(current.with(held("web", 3001)), null));

        Registry seen = mine.store.update(current -> new Outcome<>(current, current));

        assertThat(seen.find(ProjectName.of("web")).orElseThrow().port()).isEqualTo(PortNumber.of(3001));
    }

    @Test
    void aFileEditedByHandIsSeen() throws Exception {
        StoreFixture mine = new StoreFixture(home);
        mine.store.update(current -> new Outcome<>(current.with(held("web", 3000)), null));
        String text = Files.readString(mine.data(), StandardCharsets.UTF_8);
        Files.writeString(mine.data(), text.replace("\"port\": 3000", "\"port\": 3999"), StandardCharsets.UTF_8);

        Registry seen = mine.store.update(current -> new Outcome<>(current, current));

        assertThat(seen.find(ProjectName.of("web")).orElseThrow().port()).isEqualTo(PortNumber.of(3999));
    }

    @Test
    void whatTheStoreWroteIsWhatAFreshStoreReads() {
        StoreFixture mine = new StoreFixture(home);
        Registry written = mine.store.update(current -> {
            Registry next = current.with(held("web", 3000)).with(held("api", 3001)).withLastCleanup(Instant.parse("2025-01-02T03:04:05.123456789Z"));
            return new Outcome<>(next, next);
        });

        Registry remembered = mine.store.update(current -> new Outcome<>(current, current));
        Registry fresh = new StoreFixture(home).store.update(current -> new Outcome<>(current, current));

        assertThat(remembered).isEqualTo(written).isEqualTo(fresh);
    }

    private static Allocation held(String project, int port) {
        return Allocation.held(ProjectName.of(project), PortNumber.of(port), Optional.empty(), Instant.parse("2025-01-02T03:04:05Z"));
    }
}
