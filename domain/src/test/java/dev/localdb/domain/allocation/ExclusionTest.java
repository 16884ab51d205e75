package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.PREFERRED;
import static dev.localdb.domain.allocation.AllocatorFixture.REMEMBERED;
import static dev.localdb.domain.allocation.AllocatorFixture.SCAN;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two kinds of exclusion: "excluded" ports (the OS ephemeral range, the user's own list) are never
 * handed out; "avoided" ports (the built-in list) are never chosen by localdb, but a project that
 * names one as its own port gets it.
 */
class ExclusionTest {
    private static final PortSet EPHEMERAL = PortSet.of(PortRange.of(32768, 60999));

    private static AllocatorFixture machine(List<PortRange> ranges, PortSet excluded, PortSet avoided) {
        return new AllocatorFixture(AllocationSettings.defaults().withRanges(ranges).withExclusions(excluded, avoided));
    }

    @Test
    void theScanSkipsAWholeExcludedRangeInsideTheConfiguredRanges() {
        AllocatorFixture machine = machine(List.of(PortRange.of(32000, 61000)), EPHEMERAL, PortSet.empty());
        machine.host.occupyRange(32000, 32767);

        AllocationResult web = machine.reserve("web");

        assertThat(portOf(web)).isEqualTo(61000);
        assertThat(web.rule()).isEqualTo(SCAN);
        // Excluded ports are not even probed: 768 busy ports, then 61000.
        assertThat(machine.host.probes()).isEqualTo(769);
    }

    @Test
    void aProjectsOwnPortInsideTheExcludedRangeIsNotHandedOut() {
        AllocatorFixture machine = machine(List.of(PortRange.of(8000, 8009)), EPHEMERAL, PortSet.empty());

        AllocationResult web = machine.reserve("web", 40000);

        assertThat(portOf(web)).isEqualTo(8000);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void rangesThatAreEntirelyExcludedReportNoFreePort() {
        AllocatorFixture machine = machine(List.of(PortRange.of(40000, 40009)), EPHEMERAL, PortSet.empty());

        assertThatThrownBy(() -> machine.reserve("web")).isInstanceOf(NoFreePortException.class)
                .hasMessageContaining("excluded");
        assertThat(machine.host.probes()).isZero();
    }

    @Test
    void theScanAndTheDefaultPreferredPortSkipAvoidedPorts() {
        AllocatorFixture machine = machine(List.of(PortRange.of(5000, 5009)), PortSet.empty(), PortSet.of(PortRange.of(5000, 5001)));

        AllocationResult web = machine.reserve("web");

        assertThat(portOf(web)).isEqualTo(5002);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void aProjectThatNamesAnAvoidedPortGetsIt() {
        AllocatorFixture machine = machine(AllocationSettings.defaults().ranges(), PortSet.empty(), PortSet.of(PortRange.of(5432, 5432)));

        AllocationResult db = machine.reserve("db", 5432);

        assertThat(portOf(db)).isEqualTo(5432);
        assertThat(db.rule()).isEqualTo(PREFERRED);
    }

    @Test
    void namingOneAvoidedPortDoesNotOpenTheOthers() {
        AllocatorFixture machine = machine(List.of(PortRange.of(6665, 6670)), PortSet.empty(), PortSet.of(PortRange.of(6665, 6669)));
        machine.host.occupy(6666);

        AllocationResult irc = machine.reserve("irc", 6666);

        assertThat(portOf(irc)).isEqualTo(6670);
    }

    @Test
    void anExcludedPortBeatsTheProjectsOwnChoiceEvenWhenItIsAlsoAvoided() {
        PortSet both = PortSet.of(PortRange.of(5432, 5432));
        AllocatorFixture machine = machine(List.of(PortRange.of(3000, 3009)), both, both);

        assertThat(portOf(machine.reserve("db", 5432))).isEqualTo(3000);
    }

    @Test
    void aRememberedPortThatIsNowAvoidedIsGivenUpUnlessTheProjectNamesIt() {
        // "web" got 5000 before 5000 was avoided (e.g. an older localdb without the built-in list).
        AllocatorFixture before = machine(List.of(PortRange.of(5000, 5009)), PortSet.empty(), PortSet.empty());
        before.remember("web");
        before.remember("api");
        AllocationSettings avoiding = before.allocator.settings().withExclusions(PortSet.empty(), PortSet.of(PortRange.of(5000, 5001)));
        AllocatorFixture after = new AllocatorFixture(avoiding, before.store.read());

        AllocationResult web = after.reserve("web");
        AllocationResult api = after.reserve("api", 5001);

        assertThat(portOf(web)).isEqualTo(5002);
        assertThat(portOf(api)).isEqualTo(5001);
        assertThat(api.rule()).isEqualTo(REMEMBERED);
    }

    @Test
    void aPortTheProjectHoldsIsKeptEvenIfItIsExcludedLater() {
        // Exclusions decide what is handed out next; they never take away a port in use.
        AllocatorFixture before = machine(List.of(PortRange.of(5000, 5009)), PortSet.empty(), PortSet.empty());
        int held = portOf(before.reserve("web"));
        AllocatorFixture after = new AllocatorFixture(
                before.allocator.settings().withExclusions(PortSet.of(PortRange.of(5000, 5000)), PortSet.empty()), before.store.read());

        assertThat(portOf(after.reserve("web"))).isEqualTo(held).isEqualTo(5000);
    }

    @Test
    void settingsAllowsFollowsBothLists() {
        AllocationSettings settings = AllocationSettings.defaults()
                .withExclusions(PortSet.of(PortRange.of(40000, 40000)), PortSet.of(PortRange.of(5000, 5000)));

        assertThat(settings.allows(port(3000), false)).isTrue();
        assertThat(settings.allows(port(5000), false)).isFalse();
        assertThat(settings.allows(port(5000), true)).isTrue();
        assertThat(settings.allows(port(40000), true)).isFalse();
    }
}
