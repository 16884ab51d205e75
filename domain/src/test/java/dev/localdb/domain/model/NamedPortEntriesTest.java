package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A registry entry with named ports: no port twice, within one entry or across held entries. */
class NamedPortEntriesTest {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final PortName API = PortName.of("api");
    private static final PortName DEBUG = PortName.of("debug");

    private static Allocation held(String project, int port, Map<PortName, PortNumber> named) {
        return Allocation.held(ProjectName.of(project), PortNumber.of(port), Optional.empty(), AT).withNamedPorts(named);
    }

    @Test
    void anEntryListsItsMainPortFirstThenItsNamedPortsByName() {
        Allocation web = held("web", 3000, Map.of(DEBUG, PortNumber.of(3001), API, PortNumber.of(3005)));

        assertThat(web.ports()).containsExactly(PortNumber.of(3000), PortNumber.of(3005), PortNumber.of(3001));
        assertThat(web.namedPorts().keySet()).containsExactly(API, DEBUG);
    }

    @Test
    void releaseAndOwnerChangesKeepTheNamedPorts() {
        Allocation web = held("web", 3000, Map.of(API, PortNumber.of(3001)));
        ProcessIdentity server = new ProcessIdentity(10, 20, "boot");

        assertThat(web.withOwner(Optional.of(server)).namedPorts()).isEqualTo(web.namedPorts());
        assertThat(web.released().namedPorts()).isEqualTo(web.namedPorts());
        assertThat(web.released().state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void aNamedPortEqualToTheMainPortIsRefused() {
        assertThatThrownBy(() -> held("web", 3000, Map.of(API, PortNumber.of(3000))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3000 appears twice among the ports of web.");
    }

    @Test
    void twoNamesWithOnePortAreRefused() {
        assertThatThrownBy(() -> held("web", 3000, Map.of(API, PortNumber.of(3001), DEBUG, PortNumber.of(3001))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3001 appears twice among the ports of web.");
    }

    @Test
    void aRegistryRefusesANamedPortHeldByAnotherProject() {
        Allocation web = held("web", 3000, Map.of(API, PortNumber.of(3001)));
        Allocation docs = held("docs", 3001, Map.of());

        assertThatThrownBy(() -> Registry.of(List.of(web, docs), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3001 is held by both docs and web.");
    }

    @Test
    void aRegistryRefusesTwoProjectsHoldingTheSameNamedPort() {
        Allocation web = held("web", 3000, Map.of(API, PortNumber.of(3002)));
        Allocation docs = held("docs", 3001, Map.of(DEBUG, PortNumber.of(3002)));

        assertThatThrownBy(() -> Registry.EMPTY.with(web).with(docs)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRememberedNamedPortMayBeHeldByAnotherProject() {
        Allocation web = held("web", 3000, Map.of(API, PortNumber.of(3001))).released();
        Allocation docs = held("docs", 3001, Map.of());

        Registry registry = Registry.of(List.of(web, docs), Optional.empty());

        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void entriesWithAndWithoutNamedPortsAreDifferent() {
        Allocation plain = held("web", 3000, Map.of());

        assertThat(plain).isEqualTo(new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.HELD, Optional.empty(), AT));
        assertThat(plain).isNotEqualTo(plain.withNamedPorts(Map.of(API, PortNumber.of(3001))));
    }
}
