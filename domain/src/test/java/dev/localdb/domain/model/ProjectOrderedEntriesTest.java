package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A registry changed at random, entry by entry, means what a tree map changed the same way means (and knows whether any entry has named ports). */
class ProjectOrderedEntriesTest {
    private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void aRandomHistoryOfChangesMatchesASortedMapsAtEveryStep() {
        Random random = new Random(42);
        Registry registry = Registry.EMPTY;
        TreeMap<ProjectName, Allocation> model = new TreeMap<>();
        for (int step = 0; step < 2_000; step++) {
            Registry previous = registry;
            TreeMap<ProjectName, Allocation> previousModel = new TreeMap<>(model);
            ProjectName project = ProjectName.of("p" + random.nextInt(60));
            if (random.nextInt(3) == 0) {
                registry = registry.without(project);
                model.remove(project);
            } else {
                // Released entries: any port may be remembered twice, so no change is refused.
                int port = 1 + random.nextInt(100);
                Allocation entry = Allocation.held(project, PortNumber.of(port), Optional.empty(), AT);
                if (random.nextInt(8) == 0) {
                    entry = entry.withNamedPorts(Map.of(PortName.of("db"), PortNumber.of(port + 1)));
                }
                entry = entry.released();
                registry = registry.with(entry);
                model.put(project, entry);
            }
            assertThat(registry.allocations()).isEqualTo(model);
            assertThat(registry.anyNamedPorts()).isEqualTo(model.values().stream().anyMatch(e -> !e.namedPorts().isEmpty()));
            assertThat(registry.allocations().hashCode()).isEqualTo(model.hashCode());
            assertThat(registry).isEqualTo(Registry.of(model.values(), Optional.empty())); // entries side by side
            assertThat(registry.equals(previous)).isEqualTo(model.equals(previousModel));
            assertThat(registry.list()).containsExactlyElementsOf(model.values());
            assertThat(List.copyOf(registry.allocations().keySet())).containsExactlyElementsOf(model.keySet());
            ProjectName probe = ProjectName.of("p" + random.nextInt(70));
            assertThat(registry.find(probe)).isEqualTo(Optional.ofNullable(model.get(probe)));
            assertThat(registry.allocations().containsKey(probe)).isEqualTo(model.containsKey(probe));
        }
        assertThat(registry.allocations().get("p1")).isNull(); // a key of another type is simply absent
    }

    @Test
    void aListInProjectOrderAndTheSameListShuffledMakeEqualRegistries() {
        List<Allocation> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(Allocation.held(ProjectName.of(String.format("p%04d", i)), PortNumber.of(1000 + i), Optional.empty(), AT));
        }
        List<Allocation> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(7));

        Registry inOrder = Registry.of(entries, Optional.empty());

        assertThat(inOrder).isEqualTo(Registry.of(shuffled, Optional.empty()));
        assertThat(inOrder.list()).containsExactlyElementsOf(entries);
        entries.clear(); // the registry keeps its own copy
        assertThat(inOrder.size()).isEqualTo(500);
    }
}
