package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.fake.InMemoryRegistryStore;
import dev.localdb.domain.fake.MutableClock;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.RegistryStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Where what the allocator does NOT ask matters as much as its answer. */
class AllocatorInteractionTest {
    private final PortProbe probe = mock(PortProbe.class);
    private final FakeProcessInspector processes = new FakeProcessInspector();
    private final MutableClock clock = new MutableClock(T0);

    private PortAllocator allocator(Registry initial, AllocationSettings settings) {
        return new PortAllocator(new InMemoryRegistryStore(initial), probe, processes, clock, settings);
    }

    private static Registry registryOf(Allocation... allocations) {
        return Registry.of(List.of(allocations), Optional.of(T0));
    }

    @Test
    void theProbeIsNeverAskedAboutAPortHeldByAnotherProject() {
        when(probe.isFree(any())).thenReturn(true);
        PortAllocator allocator = allocator(registryOf(
                Allocation.held(name("api"), port(3000), Optional.empty(), T0),
                Allocation.held(name("db"), port(3001), Optional.of(processes.start()), T0)),
                AllocationSettings.defaults());

        Allocation web = allocator.allocate(AllocationRequest.reservation(name("web"))).allocation();

        assertThat(web.port()).isEqualTo(port(3002));
        verify(probe, never()).isFree(port(3000));
        verify(probe, never()).isFree(port(3001));
        verify(probe, times(1)).isFree(port(3002));
    }

    @Test
    void theProbeIsNeverAskedAboutAnExcludedPort() {
        when(probe.isFree(any())).thenReturn(true);
        PortAllocator allocator = allocator(Registry.EMPTY, AllocatorFixture.excluding(3000));

        assertThat(allocator.allocate(AllocationRequest.reservation(name("web"))).allocation().port()).isEqualTo(port(3001));
        verify(probe, never()).isFree(port(3000));
    }

    @Test
    void aHeldLiveAllocationIsReturnedWithoutProbing() {
        ProcessIdentity server = processes.start();
        PortAllocator allocator = allocator(registryOf(Allocation.held(name("web"), port(3000), Optional.of(server), T0)),
                AllocationSettings.defaults());

        Allocation again = allocator.allocate(new AllocationRequest(name("web"), Optional.empty(), Optional.of(server)))
                .allocation();

        assertThat(again.port()).isEqualTo(port(3000));
        verifyNoInteractions(probe);
    }

    @Test
    void aReservationIsReturnedWithoutProbing() {
        PortAllocator allocator = allocator(registryOf(Allocation.held(name("web"), port(4100), Optional.empty(), T0)),
                AllocationSettings.defaults());

        allocator.allocate(AllocationRequest.reservation(name("web")));

        verifyNoInteractions(probe);
    }

    @Test
    void eachPortIsProbedAtMostOnceEvenWhenSeveralRulesConsiderIt() {
        when(probe.isFree(any())).thenReturn(false);
        PortAllocator allocator = allocator(Registry.EMPTY, AllocatorFixture.ranges(PortRange.of(3000, 3002)));

        assertThatThrownBy(() -> allocator.allocate(AllocationRequest.reservation(name("web"))))
                .isInstanceOf(NoFreePortException.class);

        for (int p = 3000; p <= 3002; p++) {
            verify(probe, times(1)).isFree(port(p));
        }
    }

    @Test
    void theRememberedPortIsProbedBeforeAnythingElse() {
        when(probe.isFree(any())).thenReturn(true);
        PortAllocator allocator = allocator(registryOf(
                Allocation.held(name("web"), port(4100), Optional.empty(), T0).released()), AllocationSettings.defaults());

        assertThat(allocator.allocate(AllocationRequest.reservation(name("web"))).allocation().port()).isEqualTo(port(4100));
        verify(probe).isFree(port(4100));
        verify(probe, never()).isFree(port(3000));
    }

    @Test
    void viewNeverCallsUpdate() {
        RegistryStore store = mock(RegistryStore.class);
        ProcessIdentity dead = new ProcessIdentity(12345, 1, "old-boot");
        when(store.read()).thenReturn(Registry.of(
                List.of(Allocation.held(name("web"), port(3000), Optional.of(dead), T0)), Optional.empty()));
        PortAllocator allocator = new PortAllocator(store, probe, processes, clock, AllocationSettings.defaults());

        RegistryView view = allocator.view();

        assertThat(view.entries()).hasSize(1);
        verify(store).read();
        verify(store, never()).update(any());
        verifyNoInteractions(probe);
    }

    @Test
    void strategiesAreAskedInOrderAndTheFirstProposalWins() {
        AllocationStrategy first = mock(AllocationStrategy.class);
        AllocationStrategy second = mock(AllocationStrategy.class);
        AllocationStrategy third = mock(AllocationStrategy.class);
        when(first.choose(any())).thenReturn(Optional.empty());
        when(second.choose(any())).thenReturn(Optional.of(PortNumber.of(4242)));
        when(second.name()).thenReturn("second rule");
        PortAllocator allocator = new PortAllocator(new InMemoryRegistryStore(), probe, processes, clock,
                AllocationSettings.defaults(), List.of(first, second, third));

        AllocationResult result = allocator.allocate(AllocationRequest.reservation(name("web")));

        assertThat(result.allocation().port()).isEqualTo(port(4242));
        assertThat(result.rule()).isEqualTo("second rule");
        InOrder order = inOrder(first, second);
        order.verify(first).choose(any());
        order.verify(second).choose(any());
        verifyNoInteractions(third);
    }

    @Test
    void theStandardPolicyListsTheRulesInTheirDocumentedOrder() {
        assertThat(AllocationPolicy.standard()).extracting(AllocationStrategy::name).containsExactly(
                AllocatorFixture.HOLDS, AllocatorFixture.REMEMBERED, AllocatorFixture.PREFERRED,
                AllocatorFixture.SCAN, AllocatorFixture.LAST_RESORT);
    }
}
