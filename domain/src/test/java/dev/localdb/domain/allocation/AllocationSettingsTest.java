package dev.localdb.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocationSettingsTest {

    @Test
    void defaultsAreTheDocumentedRangesPreferredPortAndInterval() {
        AllocationSettings d = AllocationSettings.defaults();

        assertThat(d.ranges()).containsExactly(PortRange.of(3000, 3999), PortRange.of(4000, 4999), PortRange.of(5000, 9999));
        assertThat(d.preferredPort()).isEqualTo(PortNumber.of(3000));
        assertThat(d.excluded()).isEmpty();
        assertThat(d.cleanupInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withRangesMovesTheDefaultPreferredPortToTheFirstRangeAndKeepsTheOtherKnobs() {
        AllocationSettings custom = new AllocationSettings(List.of(PortRange.of(3000, 3001)), PortNumber.of(8080),
                Set.of(PortNumber.of(3001)), Duration.ofMinutes(5));

        AllocationSettings changed = custom.withRanges(List.of(PortRange.of(7000, 7010)));

        assertThat(changed.ranges()).containsExactly(PortRange.of(7000, 7010));
        assertThat(changed.preferredPort()).isEqualTo(PortNumber.of(7000));
        assertThat(changed.excluded()).containsExactly(PortNumber.of(3001));
        assertThat(changed.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void needsAtLeastOneRange() {
        assertThatThrownBy(() -> AllocationSettings.defaults().withRanges(List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("At least one port range is needed, e.g. 3000-3999.");
    }

    @Test
    void refusesANegativeCleanupInterval() {
        assertThatThrownBy(() -> new AllocationSettings(List.of(PortRange.of(3000, 3001)), PortNumber.of(3000), Set.of(),
                Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class);
    }
}
