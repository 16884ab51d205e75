package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry file over 1 MiB is damage to a reader, so the store never writes one: the change
 * that would grow it past the limit is refused and the file stays as it was, with every entry.
 */
class RegistrySizeLimitTest {
    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path home;

    @Test
    void aChangeThatWouldGrowTheFilePastTheLimitIsRefusedAndTheFileKeepsEveryEntry() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Registry large = registry(0, 4_000);
        fixture.store.update(current -> new Outcome<>(large, null));
        byte[] before = Files.readAllBytes(fixture.data());
        assertThat(before.length).as("set-up: below the limit").isLessThan(RegistryJson.MAX_BYTES);

        Registry tooLarge = registry(0, 6_000);
        assertThatThrownBy(() -> fixture.store.update(current -> new Outcome<>(tooLarge, null)))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessageContaining("would grow past 1 MiB with this change (6000 entries); nothing was changed")
                .hasMessageContaining("'localdb release --forget <project>'");

        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(before);
        assertThat(fixture.store.read()).isEqualTo(large);
        assertThat(fixture.warnings).isEmpty();
        // Below the limit again, changes go through as before.
        fixture.store.update(current -> new Outcome<>(current.without(ProjectName.of(name(0))), null));
        assertThat(fixture.store.read().size()).isEqualTo(3_999);
    }

    /** Entries with the longest names, so that a few thousand reach the limit. */
    private static Registry registry(int first, int count) {
        List<Allocation> allocations = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            allocations.add(Allocation.held(ProjectName.of(name(i)), PortNumber.of(1 + i), Optional.empty(), AT).released());
        }
        return Registry.of(allocations, Optional.empty());
    }

    private static String name(int i) {
        return String.format("%064d", i);
    }
}
