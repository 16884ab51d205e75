package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocationTest {
    private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");
    private static final ProcessIdentity OWNER = new ProcessIdentity(4242, 7, "boot-1");

    @Test
    void aReleasedAllocationCannotHaveAnOwner() {
        assertThatThrownBy(() -> new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.RELEASED,
                Optional.of(OWNER), AT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Released allocation of web cannot have an owner process.");
    }

    @Test
    void releasingKeepsPortAndTimeAndDropsTheOwner() {
        Allocation held = Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.of(OWNER), AT);
        Allocation released = held.released();
        assertThat(held.isHeld()).isTrue();
        assertThat(released.isHeld()).isFalse();
        assertThat(released.state()).isEqualTo(AllocationState.RELEASED);
        assertThat(released.port()).isEqualTo(PortNumber.of(3000));
        assertThat(released.allocatedAt()).isEqualTo(AT);
        assertThat(released.owner()).isEmpty();
    }

    @Test
    void hasPortKnowsTheMainAndTheNamedPortsAndNothingElse() {
        Allocation web = Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.of(OWNER), AT)
                .withNamedPorts(Map.of(PortName.of("db"), PortNumber.of(3001)));

        assertThat(web.hasPort(PortNumber.of(3000))).isTrue();
        assertThat(web.hasPort(PortNumber.of(3001))).isTrue();
        assertThat(web.hasPort(PortNumber.of(3002))).isFalse();
        assertThat(web.ports()).containsExactly(PortNumber.of(3000), PortNumber.of(3001));
        assertThatThrownBy(() -> web.ports().add(PortNumber.of(3002))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> web.withNamedPorts(Map.of()).ports().add(PortNumber.of(3002)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.HELD,
                null, AT)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.empty(), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aProcessIdentityNeedsAPositivePidAndABootId() {
        assertThatThrownBy(() -> new ProcessIdentity(0, 1, "boot")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a PID is a positive number");
        assertThatThrownBy(() -> new ProcessIdentity(1, 1, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("boot id");
    }

    @Test
    void statusesBlockOthersOnlyWhileHeldByTheLivingOrReserved() {
        assertThat(AllocationStatus.ACTIVE.blocksOthers()).isTrue();
        assertThat(AllocationStatus.RESERVED.blocksOthers()).isTrue();
        assertThat(AllocationStatus.RELEASED.blocksOthers()).isFalse();
        assertThat(AllocationStatus.STALE.blocksOthers()).isFalse();
        assertThat(AllocationStatus.STALE.label()).isEqualTo("stale");
    }
}
