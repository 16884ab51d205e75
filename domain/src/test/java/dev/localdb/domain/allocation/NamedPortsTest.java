package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.HOLDS;
import static dev.localdb.domain.allocation.AllocatorFixture.LAST_RESORT;
import static dev.localdb.domain.allocation.AllocatorFixture.PREFERRED;
import static dev.localdb.domain.allocation.AllocatorFixture.REMEMBERED;
import static dev.localdb.domain.allocation.AllocatorFixture.SCAN;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A project with named ports: every port comes from the same rules, in one transaction, all or
 * nothing, each distinct, each sticky under its own name, never another project's.
 */
class NamedPortsTest {
    private static final PortName API = PortName.of("api");
    private static final PortName DEBUG = PortName.of("debug");

    private static AllocationResult reserve(AllocatorFixture machine, String project, PortName... names) {
        return machine.allocator.allocate(AllocationRequest.reservation(name(project), Arrays.asList(names)));
    }

    private static AllocationResult serve(AllocatorFixture machine, String project, ProcessIdentity owner, PortName... names) {
        return machine.allocator.allocate(new AllocationRequest(name(project), Optional.empty(), Optional.of(owner), List.of(names)));
    }

    private static int named(AllocationResult result, PortName name) {
        return result.allocation().namedPorts().get(name).value();
    }

    /** Every port the registry holds, however many times: a duplicate shows up twice. */
    private static List<PortNumber> heldPorts(AllocatorFixture machine) {
        List<PortNumber> held = new ArrayList<>();
        machine.store.read().list().stream().filter(Allocation::isHeld).forEach(a -> held.addAll(a.ports()));
        return held;
    }

    @Test
    void eachNamedPortGetsItsOwnPortByTheSameRulesInOneTransaction() {
        AllocatorFixture machine = new AllocatorFixture();
        int writesBefore = machine.store.writes();

        AllocationResult web = reserve(machine, "web", DEBUG, API);

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(web.rule()).isEqualTo(PREFERRED);
        assertThat(web.allocation().namedPorts()).containsExactly(Map.entry(API, port(3001)), Map.entry(DEBUG, port(3002)));
        assertThat(web.namedRules()).containsExactly(Map.entry(API, SCAN), Map.entry(DEBUG, SCAN));
        assertThat(machine.store.writes()).as("one transaction, one write").isEqualTo(writesBefore + 1);
        assertThat(machine.entry("web").namedPorts()).isEqualTo(web.allocation().namedPorts());
    }

    @Test
    void namedPortsNeverTakeAnotherProjectsPortAndOthersNeverTakeThem() {
        AllocatorFixture machine = new AllocatorFixture();
        machine.reserve("db");                                     // 3000
        reserve(machine, "web", API);                              // 3001, api 3002

        AllocationResult docs = machine.reserve("docs");

        assertThat(portOf(docs)).as("the named port of web is held like a main port").isEqualTo(3003);
        assertThat(heldPorts(machine)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(port(3000), port(3001), port(3002), port(3003));
    }

    @Test
    void namedPortsSkipPortsBusyOnTheHostAndExcludedPorts() {
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.excluding(3001));
        machine.host.occupy(3002);

        AllocationResult web = reserve(machine, "web", API, DEBUG);

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(named(web, API)).isEqualTo(3003);
        assertThat(named(web, DEBUG)).isEqualTo(3004);
    }

    @Test
    void whenOneNamedPortCannotBeFoundNoneIsTakenAndTheRegistryIsUnchanged() {
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3002)));
        machine.reserve("db");                                     // 3000
        Registry before = machine.store.read();
        int writesBefore = machine.store.writes();

        assertThatThrownBy(() -> reserve(machine, "web", API, DEBUG))
                .isInstanceOf(NoFreePortException.class)
                .hasMessageStartingWith("No free port for port \"debug\" of web (so it got none of its ports) in 3000-3002 (3 ports): "
                        + "3 held by localdb projects, 0 in use by other programs or excluded.");

        assertThat(machine.store.read()).isEqualTo(before);
        assertThat(machine.store.writes()).isEqualTo(writesBefore);
        assertThat(machine.store.read().find(name("web"))).isEmpty();
    }

    @Test
    void aFailedAttemptKeepsWhatTheProjectRemembered() {
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3002)));
        reserve(machine, "web", API);                              // 3000, api 3001
        machine.allocator.release(name("web"));
        Allocation remembered = machine.entry("web");
        machine.host.occupy(3002);

        assertThatThrownBy(() -> reserve(machine, "web", API, DEBUG)).isInstanceOf(NoFreePortException.class);

        assertThat(machine.entry("web")).isEqualTo(remembered);
    }

    @Test
    void afterReleaseEveryPortComesBackUnderItsOwnName() {
        AllocatorFixture machine = new AllocatorFixture();
        AllocationResult first = reserve(machine, "web", API, DEBUG);
        machine.allocator.release(name("web"));
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").namedPorts()).as("remembered together").isEqualTo(first.allocation().namedPorts());
        machine.reserve("other");

        AllocationResult again = reserve(machine, "web", API, DEBUG);

        assertThat(again.allocation().ports()).isEqualTo(first.allocation().ports());
        assertThat(again.rule()).isEqualTo(REMEMBERED);
        assertThat(again.namedRules()).containsExactly(Map.entry(API, REMEMBERED), Map.entry(DEBUG, REMEMBERED));
        assertThat(heldPorts(machine)).doesNotHaveDuplicates();
    }

    @Test
    void aMainPortThatMustMoveDoesNotTakeThePortANamedPortRemembers() {
        AllocatorFixture machine = new AllocatorFixture();
        reserve(machine, "web", API);                              // 3000, api 3001
        machine.allocator.release(name("web"));
        machine.host.occupy(3000);

        AllocationResult again = reserve(machine, "web", API);

        assertThat(named(again, API)).as("api keeps its port").isEqualTo(3001);
        assertThat(again.namedRules().get(API)).isEqualTo(REMEMBERED);
        assertThat(portOf(again)).isEqualTo(3002);
    }

    @Test
    void aNamedPortAddedLaterGetsANewPortWhileTheOthersStay() {
        AllocatorFixture machine = new AllocatorFixture();
        reserve(machine, "web", API);                              // 3000, api 3001

        AllocationResult more = reserve(machine, "web", API, DEBUG);

        assertThat(portOf(more)).isEqualTo(3000);
        assertThat(more.rule()).isEqualTo(HOLDS);
        assertThat(named(more, API)).isEqualTo(3001);
        assertThat(more.namedRules().get(API)).isEqualTo(HOLDS);
        assertThat(named(more, DEBUG)).isEqualTo(3002);
    }

    @Test
    void aRequestWithoutNamesNeverTakesAHeldNamedPortAwayFromItsServer() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity server = machine.processes.start();
        AllocationResult served = serve(machine, "web", server, API);

        AllocationResult plain = machine.reserve("web");          // e.g. a script runs `localdb port web`

        assertThat(plain.allocation().namedPorts()).isEqualTo(served.allocation().namedPorts());
        assertThat(plain.allocation().owner()).contains(server);
    }

    @Test
    void aNameNoLongerAskedForIsForgottenOnceItsPortWasReleased() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity first = machine.processes.start();
        serve(machine, "web", first, API, DEBUG);
        machine.allocator.releaseIfOwnedBy(name("web"), first);

        AllocationResult again = serve(machine, "web", machine.processes.start(), API);

        assertThat(again.allocation().namedPorts()).containsOnlyKeys(API);
    }

    @Test
    void aReservationKeepsTheNamedPortsTheProjectOnlyRemembers() {
        AllocatorFixture machine = new AllocatorFixture();
        AllocationResult first = reserve(machine, "web", API, DEBUG);
        machine.allocator.release(name("web"));

        AllocationResult plain = machine.reserve("web");       // `localdb port web` names no port

        assertThat(plain.allocation().namedPorts()).isEqualTo(first.allocation().namedPorts());
        assertThat(plain.namedRules()).containsExactly(Map.entry(API, REMEMBERED), Map.entry(DEBUG, REMEMBERED));
    }

    @Test
    void aPortAnotherProjectsNamedPortRemembersIsTakenOnlyAsALastResort() {
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3002)));
        reserve(machine, "web", API);                              // 3000, api 3001
        machine.allocator.release(name("web"));

        AllocationResult db = machine.reserve("db");
        AllocationResult docs = machine.reserve("docs");

        assertThat(portOf(db)).isEqualTo(3002);
        assertThat(db.rule()).isEqualTo(SCAN);
        assertThat(portOf(docs)).isEqualTo(3000);
        assertThat(docs.rule()).isEqualTo(LAST_RESORT);
    }

    @Test
    void stopReleasesEveryPortOfTheOwnerTogether() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity server = machine.processes.start();
        serve(machine, "web", server, API, DEBUG);

        assertThat(machine.allocator.releaseIfOwnedBy(name("web"), server)).isTrue();

        Allocation web = machine.entry("web");
        assertThat(web.state()).isEqualTo(AllocationState.RELEASED);
        assertThat(web.namedPorts()).containsOnlyKeys(API, DEBUG);
        assertThat(heldPorts(machine)).isEmpty();
    }

    @Test
    void aDeadOwnersPortsAreCleanedUpTogether() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity server = machine.processes.start();
        serve(machine, "web", server, API);
        machine.processes.kill(server);
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.STALE);

        assertThat(machine.allocator.cleanup()).isEqualTo(1);

        assertThat(heldPorts(machine)).isEmpty();
        assertThat(machine.entry("web").namedPorts()).containsOnlyKeys(API);
    }

    @Test
    void takingOneOfAStaleProjectsPortsReleasesAllOfItsPorts() {
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3001)));
        ProcessIdentity server = machine.processes.start();
        serve(machine, "web", server, API);                        // 3000, api 3001
        machine.processes.kill(server);

        // Cleanup ran with web's first allocation, so it is not due: web is still held, but stale.
        AllocationResult docs = machine.reserve("docs");

        assertThat(portOf(docs)).isEqualTo(3000);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(heldPorts(machine)).containsExactly(port(3000));
    }

    @Test
    void aStrategyThatProposesAPortAlreadyChosenIsPassedOver() {
        AllocationStrategy alwaysThree = new AllocationStrategy() {
            @Override
            public String name() {
                return "always 3000";
            }

            @Override
            public Optional<PortNumber> choose(AllocationContext context) {
                return Optional.of(port(3000));
            }
        };
        AllocatorFixture machine = new AllocatorFixture();
        PortAllocator allocator = new PortAllocator(machine.store, machine.host, machine.processes, machine.clock,
                AllocationSettings.defaults(), List.of(alwaysThree, AllocationPolicy.standard().get(3)));

        AllocationResult web = allocator.allocate(AllocationRequest.reservation(name("web"), List.of(API)));

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(named(web, API)).isEqualTo(3001);
        assertThat(web.namedRules().get(API)).isEqualTo(SCAN);
    }

    @Test
    void theStrategiesSeeWhichPortTheyChooseAndANamedPortHasNoPreferredPortOfItsOwn() {
        List<String> seen = new ArrayList<>();
        AllocationStrategy recorder = new AllocationStrategy() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public Optional<PortNumber> choose(AllocationContext context) {
                seen.add(context.portName().map(PortName::value).orElse("main") + " prefers "
                        + context.request().preferred().map(PortNumber::toString).orElse("nothing"));
                return Optional.empty();
            }
        };
        AllocatorFixture machine = new AllocatorFixture();
        List<AllocationStrategy> strategies = new ArrayList<>(AllocationPolicy.standard());
        strategies.add(0, recorder);
        PortAllocator allocator = new PortAllocator(machine.store, machine.host, machine.processes, machine.clock,
                AllocationSettings.defaults(), strategies);

        allocator.allocate(new AllocationRequest(name("web"), Optional.of(port(5000)), Optional.empty(), List.of(API)));

        assertThat(seen).containsExactly("main prefers 5000", "api prefers nothing");
    }
}
