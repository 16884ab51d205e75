package dev.localdb.domain.allocation;

import dev.localdb.domain.fake.FakePortProbe;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.fake.InMemoryRegistryStore;
import dev.localdb.domain.fake.MutableClock;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One simulated machine for allocation tests: an in-memory registry, a host whose busy ports the
 * test chooses, a process table, and a clock that moves only when told.
 */
final class AllocatorFixture {
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    // The rule names the allocator reports (shown to users with --verbose).
    static final String HOLDS = "the port the project holds";
    static final String REMEMBERED = "the project's remembered port";
    static final String PREFERRED = "the preferred port";
    static final String SCAN = "the first free port of the configured ranges";
    static final String LAST_RESORT = "a port another project only remembers (last resort)";

    final InMemoryRegistryStore store;
    final FakePortProbe host = new FakePortProbe();
    final FakeProcessInspector processes = new FakeProcessInspector();
    final MutableClock clock = new MutableClock(T0);
    final PortAllocator allocator;

    AllocatorFixture() {
        this(AllocationSettings.defaults());
    }

    AllocatorFixture(AllocationSettings settings) {
        this(settings, Registry.EMPTY);
    }

    AllocatorFixture(AllocationSettings settings, Registry initial) {
        this.store = new InMemoryRegistryStore(initial);
        this.allocator = new PortAllocator(store, host, processes, clock, settings);
    }

    static AllocationSettings ranges(PortRange... ranges) {
        return AllocationSettings.defaults().withRanges(List.of(ranges));
    }

    static AllocationSettings excluding(int... ports) {
        AllocationSettings d = AllocationSettings.defaults();
        Set<PortNumber> excluded = IntStream.of(ports).mapToObj(PortNumber::of).collect(Collectors.toSet());
        return new AllocationSettings(d.ranges(), d.preferredPort(), excluded, d.cleanupInterval());
    }

    static ProjectName name(String project) {
        return ProjectName.of(project);
    }

    static PortNumber port(int value) {
        return PortNumber.of(value);
    }

    /** `localdb port <project>`: a reservation without an owner process. */
    AllocationResult reserve(String project) {
        return allocator.allocate(AllocationRequest.reservation(name(project)));
    }

    AllocationResult reserve(String project, int preferred) {
        return allocator.allocate(new AllocationRequest(name(project), Optional.of(port(preferred)), Optional.empty()));
    }

    /** A server process asks for the project's port and will listen on it. */
    AllocationResult serve(String project, ProcessIdentity owner) {
        return allocator.allocate(new AllocationRequest(name(project), Optional.empty(), Optional.of(owner)));
    }

    AllocationResult serve(String project, int preferred, ProcessIdentity owner) {
        return allocator.allocate(new AllocationRequest(name(project), Optional.of(port(preferred)), Optional.of(owner)));
    }

    /** Reserves a port for the project and releases it, so the project only remembers it. */
    int remember(String project) {
        int chosen = reserve(project).allocation().port().value();
        allocator.release(name(project));
        return chosen;
    }

    Allocation entry(String project) {
        return store.read().find(name(project)).orElseThrow();
    }

    AllocationStatus status(String project) {
        return allocator.view().entries().stream()
                .filter(e -> e.allocation().project().equals(name(project)))
                .findFirst().orElseThrow().status();
    }

    static int portOf(AllocationResult result) {
        return result.allocation().port().value();
    }
}
