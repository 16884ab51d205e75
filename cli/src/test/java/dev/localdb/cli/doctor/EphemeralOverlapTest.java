package dev.localdb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.diagnostics.HealthCheck.Status;
import dev.localdb.domain.model.PortRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configured ranges against the OS's ephemeral range: overlap is a problem with the variable to change. */
class EphemeralOverlapTest {
    private static final Optional<PortRange> LINUX = Optional.of(PortRange.of(32768, 60999));

    @Test
    void theDefaultRangesStayBelowLinuxsEphemeralRange() {
        HealthCheck check = EphemeralOverlap.check(LINUX,
                List.of(PortRange.of(3000, 3999), PortRange.of(4000, 4999), PortRange.of(5000, 9999)));

        assertThat(check.status()).isEqualTo(Status.OK);
    }

    @Test
    void anOverlappingRangeIsNamedWithWhatToDo() {
        HealthCheck check = EphemeralOverlap.check(LINUX, List.of(PortRange.of(3000, 3999), PortRange.of(30000, 32768)));

        assertThat(check.status()).isEqualTo(Status.PROBLEM);
        assertThat(check.message()).startsWith("30000-32768 overlaps the ephemeral range 32768-60999")
                .contains("LOCALDB_PORT_RANGES").doesNotContain("3000-3999 overlap");
    }

    @Test
    void rangesThatOnlyTouchEachOtherAtOnePortOverlap() {
        assertThat(EphemeralOverlap.overlaps(PortRange.of(60999, 61000), PortRange.of(32768, 60999))).isTrue();
        assertThat(EphemeralOverlap.overlaps(PortRange.of(61000, 61010), PortRange.of(32768, 60999))).isFalse();
        assertThat(EphemeralOverlap.overlaps(PortRange.of(1000, 32767), PortRange.of(32768, 60999))).isFalse();
    }

    @Test
    void anUnknownEphemeralRangeIsOnlyInformation() {
        HealthCheck check = EphemeralOverlap.check(Optional.empty(), List.of(PortRange.of(3000, 3999)));

        assertThat(check.status()).isEqualTo(Status.INFO);
        assertThat(check.message()).contains("not checked");
    }
}
