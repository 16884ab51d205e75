package dev.localdb.domain.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.diagnostics.PortExplanation.Listener;
import dev.localdb.domain.diagnostics.PortExplanation.Relation;
import dev.localdb.domain.fake.FakePortListeners;
import dev.localdb.domain.fake.FakePortProbe;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.fake.InMemoryRegistryStore;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Who holds this port?" from the registry and the host's listeners, both at once. */
class PortExplainerTest {
    private static final int PORT = 3000;
    private static final Instant SINCE = Instant.parse("2025-01-02T03:04:05Z");

    private final FakeProcessInspector processes = new FakeProcessInspector();
    private final FakePortListeners listeners = new FakePortListeners();
    private final FakePortProbe probe = new FakePortProbe();
    private final List<Allocation> allocations = new ArrayList<>();

    @Test
    void aPortNobodyHoldsOrListensOnIsFree() {
        PortExplanation answer = explain();

        assertThat(answer.holder()).isEmpty();
        assertThat(answer.listenersKnown()).isTrue();
        assertThat(answer.listeners()).isEmpty();
        assertThat(answer.free()).isTrue();
    }

    @Test
    void aReservationIsNamedWithItsStatusAndSinceWhen() {
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.empty(), SINCE));

        PortExplanation answer = explain();

        assertThat(answer.holder()).hasValueSatisfying(h -> {
            assertThat(h.allocation().project()).isEqualTo(ProjectName.of("web"));
            assertThat(h.status()).isEqualTo(AllocationStatus.RESERVED);
            assertThat(h.allocation().allocatedAt()).isEqualTo(SINCE);
        });
        assertThat(answer.free()).as("reserved, but nothing listens").isTrue();
    }

    @Test
    void aNamedPortIsHeldByItsProjectUnderItsName() {
        allocations.add(Allocation.held(ProjectName.of("app"), PortNumber.of(PORT - 1), Optional.empty(), SINCE)
                .withNamedPorts(Map.of(PortName.of("api"), PortNumber.of(PORT))));

        PortExplanation answer = explain();

        assertThat(answer.holder()).hasValueSatisfying(h -> {
            assertThat(h.allocation().project()).isEqualTo(ProjectName.of("app"));
            assertThat(h.portName()).contains(PortName.of("api"));
        });
    }

    @Test
    void aReleasedNamedPortIsRememberedByItsProject() {
        allocations.add(Allocation.held(ProjectName.of("app"), PortNumber.of(PORT - 1), Optional.empty(), SINCE)
                .withNamedPorts(Map.of(PortName.of("api"), PortNumber.of(PORT))).released());

        PortExplanation answer = explain();

        assertThat(answer.holder()).isEmpty();
        assertThat(answer.rememberedBy()).containsExactly(ProjectName.of("app"));
    }

    @Test
    void theMainPortHasNoPortName() {
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.empty(), SINCE));

        assertThat(explain().holder()).hasValueSatisfying(h -> assertThat(h.portName()).isEmpty());
    }

    @Test
    void aForeignListenerOnAFreeOfProjectsPortIsAnotherProgram() {
        listeners.listen(PORT, socket(new ListeningProcess(777, 777, "python3 -m http.server")));
        probe.occupy(PORT);

        PortExplanation answer = explain();

        assertThat(answer.holder()).isEmpty();
        assertThat(answer.listeners()).extracting(Listener::relation).containsExactly(Relation.OTHER_PROGRAM);
        assertThat(answer.free()).isFalse();
    }

    @Test
    void theActiveProjectsOwnServerIsRecognised() {
        ProcessIdentity server = processes.start();
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.of(server), SINCE));
        listeners.listen(PORT, socket(new ListeningProcess(server.pid(), server.pid(), "java serve web")));

        PortExplanation answer = explain();

        assertThat(answer.holder()).hasValueSatisfying(h -> assertThat(h.status()).isEqualTo(AllocationStatus.ACTIVE));
        assertThat(answer.listeners()).extracting(Listener::relation).containsExactly(Relation.PROJECT_SERVER);
    }

    @Test
    void aDevServerInTheOwnersSessionCountsAsTheProjectsServer() {
        ProcessIdentity shell = processes.start();
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.of(shell), SINCE));
        listeners.listen(PORT, socket(new ListeningProcess(shell.pid() + 5, shell.pid(), "node server.js")));

        assertThat(explain().listeners()).extracting(Listener::relation).containsExactly(Relation.PROJECT_SERVER);
    }

    @Test
    void anotherProcessOnAnActiveProjectsPortIsNotItsServer() {
        ProcessIdentity server = processes.start();
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.of(server), SINCE));
        listeners.listen(PORT, socket(new ListeningProcess(server.pid() + 100, server.pid() + 100, "nc -l 3000")));

        assertThat(explain().listeners()).extracting(Listener::relation).containsExactly(Relation.OTHER_PROGRAM);
    }

    @Test
    void aStaleHoldersPortIsHeldByAnotherProgramEvenWithTheSamePid() {
        ProcessIdentity dead = processes.start();
        processes.kill(dead);
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.of(dead), SINCE));
        // A new process got the dead owner's PID and listens: not the project's server.
        listeners.listen(PORT, socket(new ListeningProcess(dead.pid(), dead.pid(), "other")));

        PortExplanation answer = explain();

        assertThat(answer.holder()).hasValueSatisfying(h -> assertThat(h.status()).isEqualTo(AllocationStatus.STALE));
        assertThat(answer.listeners()).extracting(Listener::relation).containsExactly(Relation.OTHER_PROGRAM);
    }

    @Test
    void aReservationCannotTellWhoseListenerItIs() {
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.empty(), SINCE));
        listeners.listen(PORT, socket(new ListeningProcess(777, 777, "node server.js")));

        assertThat(explain().listeners()).extracting(Listener::relation).containsExactly(Relation.CANNOT_TELL);
    }

    @Test
    void aListenerWhoseOwnerIsUnknownCannotBeTold() {
        ProcessIdentity server = processes.start();
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.of(server), SINCE));
        listeners.listen(PORT, new PortListener("0.0.0.0", List.of()));

        assertThat(explain().listeners()).extracting(Listener::relation).containsExactly(Relation.CANNOT_TELL);
    }

    @Test
    void projectsThatOnlyRememberThePortAreListedButDoNotHoldIt() {
        allocations.add(Allocation.held(ProjectName.of("old"), PortNumber.of(PORT), Optional.empty(), SINCE).released());
        allocations.add(Allocation.held(ProjectName.of("other"), PortNumber.of(PORT + 1), Optional.empty(), SINCE));

        PortExplanation answer = explain();

        assertThat(answer.holder()).isEmpty();
        assertThat(answer.rememberedBy()).containsExactly(ProjectName.of("old"));
    }

    @Test
    void aHostThatCannotTellSaysSoInsteadOfNothingListens() {
        listeners.cannotTell();
        probe.occupy(PORT);

        PortExplanation answer = explain();

        assertThat(answer.listenersKnown()).isFalse();
        assertThat(answer.free()).isFalse();
    }

    @Test
    void explainingWritesNothing() {
        allocations.add(Allocation.held(ProjectName.of("web"), PortNumber.of(PORT), Optional.empty(), SINCE));
        InMemoryRegistryStore store = new InMemoryRegistryStore(Registry.of(allocations, Optional.empty()));

        new PortExplainer(store, processes, listeners, probe).explain(PortNumber.of(PORT));

        assertThat(store.writes()).isZero();
    }

    private PortExplanation explain() {
        InMemoryRegistryStore store = new InMemoryRegistryStore(Registry.of(allocations, Optional.empty()));
        return new PortExplainer(store, processes, listeners, probe).explain(PortNumber.of(PORT));
    }

    private static PortListener socket(ListeningProcess process) {
        return new PortListener("127.0.0.1", List.of(process));
    }
}
