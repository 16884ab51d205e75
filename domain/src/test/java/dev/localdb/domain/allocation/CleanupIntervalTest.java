package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The automatic cleanup follows the configured interval, not a fixed hour. */
class CleanupIntervalTest {
    private static final ProcessIdentity GONE = new ProcessIdentity(777, 1, "an-earlier-boot");

    private static AllocatorFixture withStaleEntry(Duration interval) {
        Registry initial = Registry.of(List.of(Allocation.held(name("gone"), port(5432), Optional.of(GONE), T0)), Optional.of(T0));
        return new AllocatorFixture(AllocationSettings.defaults().withCleanupInterval(interval), initial);
    }

    @Test
    void aFiveMinuteIntervalCleansUpAfterFiveMinutes() {
        AllocatorFixture machine = withStaleEntry(Duration.ofMinutes(5));
        machine.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.store.read().lastCleanup()).contains(machine.clock.instant());
    }

    @Test
    void aFiveMinuteIntervalWaitsFiveMinutes() {
        AllocatorFixture machine = withStaleEntry(Duration.ofMinutes(5));
        machine.clock.advance(Duration.ofMinutes(4));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.HELD);
        assertThat(machine.store.read().lastCleanup()).contains(T0);
    }

    @Test
    void aLongIntervalKeepsStaleEntriesPastTheDefaultHour() {
        AllocatorFixture machine = withStaleEntry(Duration.ofDays(1));
        machine.clock.advance(Duration.ofHours(2));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.HELD);
    }

    @Test
    void zeroCleansUpOnEveryAllocationThatComesLater() {
        AllocatorFixture machine = withStaleEntry(Duration.ZERO);
        machine.clock.advance(Duration.ofSeconds(1));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.RELEASED);
    }
}
