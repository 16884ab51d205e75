package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");

    private static Allocation held(String project, int port) {
        return Allocation.held(ProjectName.of(project), PortNumber.of(port), Optional.empty(), AT);
    }

    private static Allocation released(String project, int port) {
        return held(project, port).released();
    }

    @Test
    void rejectsTwoHeldAllocationsOnOnePort() {
        assertThatThrownBy(() -> Registry.of(List.of(held("api", 3000), held("web", 3000)), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3000 is held by both api and web.");
    }

    @Test
    void withRefusesToAddASecondHolderOfAPort() {
        Registry registry = Registry.EMPTY.with(held("api", 3000));
        assertThatThrownBy(() -> registry.with(held("web", 3000)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withNamesBothHoldersInProjectOrderAsTheFullCheckDoes() {
        assertThatThrownBy(() -> Registry.EMPTY.with(held("web", 3000)).with(held("api", 3000)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3000 is held by both api and web.");
        assertThatThrownBy(() -> Registry.EMPTY.with(held("api", 3000)).with(held("web", 3000)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3000 is held by both api and web.");
    }

    @Test
    void withChecksNamedPortsBothWays() {
        Allocation webWithDb = held("web", 3000).withNamedPorts(Map.of(PortName.of("db"), PortNumber.of(3001)));
        Registry registry = Registry.EMPTY.with(webWithDb);

        assertThatThrownBy(() -> registry.with(held("api", 3001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3001 is held by both api and web.");
        assertThatThrownBy(() -> Registry.EMPTY.with(held("api", 3001)).with(webWithDb))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Port 3001 is held by both api and web.");
        assertThat(registry.with(released("api", 3001)).size()).isEqualTo(2);
    }

    @Test
    void aRegistryChangedStepByStepEqualsOneBuiltAtOnceAndIsAsImmutable() {
        Registry stepwise = Registry.EMPTY.with(held("web", 3000)).with(held("api", 3001)).with(released("db", 3000))
                .without(ProjectName.of("api"));

        assertThat(stepwise).isEqualTo(Registry.of(List.of(held("web", 3000), released("db", 3000)), Optional.empty()));
        assertThat(stepwise.hashCode()).isEqualTo(Registry.of(List.of(released("db", 3000), held("web", 3000)), Optional.empty()).hashCode());
        assertThatThrownBy(() -> stepwise.allocations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(stepwise.list()).extracting(Allocation::project).containsExactly(ProjectName.of("db"), ProjectName.of("web"));
    }

    @Test
    void rejectsAProjectListedTwice() {
        assertThatThrownBy(() -> Registry.of(List.of(held("web", 3000), released("web", 3001)), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Project web appears twice in the registry.");
    }

    @Test
    void rejectsAnEntryFiledUnderAnotherProjectsName() {
        assertThatThrownBy(() -> new Registry(Map.of(ProjectName.of("api"), held("web", 3000)), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Registry entry api describes project web.");
    }

    @Test
    void allowsTwoReleasedEntriesRememberingOnePort() {
        Registry registry = Registry.of(List.of(released("api", 3000), released("web", 3000)), Optional.empty());
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void allowsOneHolderAndAnotherProjectRememberingThePort() {
        Registry registry = Registry.of(List.of(released("api", 3000), held("web", 3000)), Optional.empty());
        assertThat(registry.find(ProjectName.of("web")).orElseThrow().isHeld()).isTrue();
    }

    @Test
    void withReplacesTheProjectsEntryAndWithoutRemovesIt() {
        Registry registry = Registry.EMPTY.with(held("web", 3000)).with(held("web", 3001));
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.find(ProjectName.of("web")).orElseThrow().port()).isEqualTo(PortNumber.of(3001));
        assertThat(registry.without(ProjectName.of("web")).size()).isZero();
    }

    @Test
    void isImmutableAndListsProjectsInNameOrder() {
        Registry registry = Registry.of(List.of(held("web", 3000), held("api", 3001)), Optional.empty());
        assertThat(registry.list()).extracting(Allocation::project)
                .containsExactly(ProjectName.of("api"), ProjectName.of("web"));
        assertThatThrownBy(() -> registry.allocations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Registry.EMPTY.with(held("web", 3000))).isNotEqualTo(Registry.EMPTY);
        assertThat(Registry.EMPTY.size()).isZero();
    }

    @Test
    void remembersWhenCleanupRan() {
        assertThat(Registry.EMPTY.withLastCleanup(AT).lastCleanup()).contains(AT);
        assertThat(Registry.EMPTY.lastCleanup()).isEmpty();
    }

    @Test
    void withAllReplacesSeveralEntriesAtOnceAndStillChecksTheRules() {
        Registry registry = Registry.of(List.of(held("web", 3000), held("api", 3001)), Optional.empty());

        Registry changed = registry.withAll(List.of(released("web", 3000), held("db", 3002)));

        assertThat(changed.list()).containsExactly(held("api", 3001), held("db", 3002), released("web", 3000));
        assertThat(registry.withAll(List.of())).isSameAs(registry);
        assertThatThrownBy(() -> registry.withAll(List.of(held("db", 3001))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Port 3001 is held by both");
    }
}
