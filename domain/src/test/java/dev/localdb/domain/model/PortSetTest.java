package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortSetTest {
    @Test
    void overlappingAndTouchingRangesAreMergedAndSorted() {
        PortSet set = PortSet.of(PortRange.of(6000, 6010), PortRange.of(3000, 3005), PortRange.of(3006, 3010),
                PortRange.of(6005, 6020), PortRange.of(5000, 5000));

        assertThat(set.ranges()).containsExactly(PortRange.of(3000, 3010), PortRange.of(5000, 5000), PortRange.of(6000, 6020));
        assertThat(set).isEqualTo(PortSet.of(PortRange.of(3000, 3010), PortRange.of(5000, 5000), PortRange.of(6000, 6020)));
        assertThat(set.size()).isEqualTo(11 + 1 + 21);
    }

    @Test
    void containsChecksEveryRangeBoundary() {
        PortSet set = PortSet.of(PortRange.of(10, 20), PortRange.of(30, 30), PortRange.of(40, 50));

        assertThat(List.of(10, 15, 20, 30, 40, 50)).allMatch(set::contains);
        assertThat(List.of(1, 9, 21, 29, 31, 39, 51, 65535)).noneMatch(set::contains);
        assertThat(PortSet.empty().contains(1)).isFalse();
    }

    @Test
    void aHugeRangeIsOneEntry() {
        PortSet ephemeral = PortSet.of(PortRange.of(32768, 60999));

        assertThat(ephemeral.ranges()).hasSize(1);
        assertThat(ephemeral.size()).isEqualTo(28232);
        assertThat(ephemeral.contains(PortNumber.of(45000))).isTrue();
    }

    @Test
    void ofPortsAndIterationAgree() {
        PortSet set = PortSet.ofPorts(Set.of(PortNumber.of(5), PortNumber.of(3), PortNumber.of(4), PortNumber.of(9)));

        assertThat(set.ranges()).containsExactly(PortRange.of(3, 5), PortRange.of(9, 9));
        assertThat(set).containsExactly(PortNumber.of(3), PortNumber.of(4), PortNumber.of(5), PortNumber.of(9));
        assertThat(set).hasToString("3-5, 9");
    }

    @Test
    void withoutSplitsTheRangeAroundThePort() {
        PortSet set = PortSet.of(PortRange.of(6665, 6669), PortRange.of(8080, 8080));

        assertThat(set.without(PortNumber.of(6667)).ranges())
                .containsExactly(PortRange.of(6665, 6666), PortRange.of(6668, 6669), PortRange.of(8080, 8080));
        assertThat(set.without(PortNumber.of(6665)).ranges()).containsExactly(PortRange.of(6666, 6669), PortRange.of(8080, 8080));
        assertThat(set.without(PortNumber.of(8080)).ranges()).containsExactly(PortRange.of(6665, 6669));
        assertThat(set.without(PortNumber.of(1))).isEqualTo(set);
    }

    @Test
    void unionMergesAdjacentRanges() {
        PortSet union = PortSet.of(PortRange.of(1, 5)).union(PortSet.of(PortRange.of(6, 10)));

        assertThat(union.ranges()).containsExactly(PortRange.of(1, 10));
        assertThat(union.contains(10)).isTrue();
        assertThat(union.contains(11)).isFalse();
        assertThat(PortSet.of(PortRange.of(1, 4), PortRange.of(6, 9)).contains(5)).isFalse();
    }
}
