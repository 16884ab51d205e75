package dev.localdb.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInExclusionsTest {
    @Test
    void browserBadPortsInsideTheDefaultRangesAreAvoided() {
        // The Fetch standard's bad ports that fall inside 3000-9999.
        assertThat(List.of(3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697))
                .allMatch(BuiltInExclusions.ports()::contains);
        assertThat(BuiltInExclusions.ports().contains(10080)).isTrue();
    }

    @Test
    void airPlayAndCommonLocalServicesAreAvoided() {
        assertThat(List.of(5000, 7000, 3306, 5432, 5672, 6379)).allMatch(BuiltInExclusions.ports()::contains);
    }

    @Test
    void commonDevServerPortsAreNotAvoided() {
        // These are what localdb hands out; 3000 is its own default preferred port.
        assertThat(List.of(3000, 3001, 4200, 5173, 8000, 8080, 8888)).noneMatch(BuiltInExclusions.ports()::contains);
    }

    @Test
    void everyGroupHasAReasonAndTheUnionIsSmall() {
        assertThat(BuiltInExclusions.all()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
        assertThat(BuiltInExclusions.all()).allSatisfy(e -> assertThat(e.ports().isEmpty()).isFalse());
        // Kept as ranges: a few dozen entries, not a set per allocation.
        assertThat(BuiltInExclusions.ports().ranges().size()).isLessThan(100);
        assertThat(java.util.stream.IntStream.rangeClosed(6665, 6669)).allMatch(BuiltInExclusions.ports()::contains);
    }
}
