package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PortRangeTest {

    @Test
    void parsesFirstDashLast() {
        PortRange range = PortRange.parse("3000-3999");
        assertThat(range.first()).isEqualTo(PortNumber.of(3000));
        assertThat(range.last()).isEqualTo(PortNumber.of(3999));
        assertThat(range.size()).isEqualTo(1000);
        assertThat(range).hasToString("3000-3999");
    }

    @Test
    void parsesASinglePortAsARangeOfOne() {
        PortRange range = PortRange.parse("3000");
        assertThat(range).isEqualTo(PortRange.of(3000, 3000));
        assertThat(range.size()).isEqualTo(1);
    }

    @Test
    void toleratesSpacesAroundTheParts() {
        assertThat(PortRange.parse(" 4000 - 4999 ")).isEqualTo(PortRange.of(4000, 4999));
    }

    @Test
    void rejectsAReversedRange() {
        assertThatThrownBy(() -> PortRange.parse("3999-3000"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid port range 3999-3000: the first port must not be above the last.");
    }

    @Test
    void rejectsBadEnds() {
        assertThatThrownBy(() -> PortRange.parse("3000-"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a port is a number from 1 to 65535");
        assertThatThrownBy(() -> PortRange.parse("-3000"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid port -3000");
        assertThatThrownBy(() -> PortRange.parse("3000-70000"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid port 70000");
        assertThatThrownBy(() -> PortRange.parse("a-b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid port \"a\"");
    }

    @Test
    void rejectsMissingEnds() {
        assertThatThrownBy(() -> new PortRange(null, PortNumber.of(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("e.g. 3000-3999");
    }

    @Test
    void containsBothEndsAndNothingOutside() {
        PortRange range = PortRange.of(3000, 3002);
        assertThat(range.contains(PortNumber.of(3000))).isTrue();
        assertThat(range.contains(PortNumber.of(3002))).isTrue();
        assertThat(range.contains(PortNumber.of(2999))).isFalse();
        assertThat(range.contains(PortNumber.of(3003))).isFalse();
        assertThat(range.ports()).containsExactly(PortNumber.of(3000), PortNumber.of(3001), PortNumber.of(3002));
    }
}
