package dev.localdb.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index answers every port as a pass over the whole registry would: crowded, with named ports, one project left out. */
class OthersByPortTest {
    private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");
    private static final StatusJudge JUDGE = new StatusJudge(null); // entries without owners never ask the inspector

    @Test
    void answersEachPortAsAPassOverAllEntriesWould() {
        Random random = new Random(15);
        List<Allocation> entries = new ArrayList<>();
        Set<Integer> held = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            // Half crowded (entries remembering a port others hold or remember), half spread over
            // every port, so that ports share the index's slots and its probing is exercised.
            int port = i % 2 == 0 ? 1 + random.nextInt(2_000) : 1 + random.nextInt(65_534);
            Allocation entry = Allocation.held(ProjectName.of("p" + i), PortNumber.of(port), Optional.empty(), AT);
            if (i % 50 == 0 && !held.contains(port) && !held.contains(port + 1)) {
                entry = entry.withNamedPorts(Map.of(PortName.of("db"), PortNumber.of(port + 1)));
            }
            boolean free = entry.ports().stream().noneMatch(p -> held.contains(p.value()));
            if (free && random.nextBoolean()) {
                entry.ports().forEach(p -> held.add(p.value())); // no port is held twice
            } else {
                entry = entry.released();
            }
            entries.add(entry);
        }
        Registry registry = Registry.of(entries, Optional.empty());
        ProjectName except = ProjectName.of("p7");

        OthersByPort index = new OthersByPort(registry, except);

        Set<Integer> asked = new HashSet<>();
        for (Allocation entry : entries) {
            entry.ports().forEach(p -> asked.addAll(List.of(p.value(), Math.max(1, p.value() - 1), Math.min(65_535, p.value() + 1))));
        }
        for (int i = 0; i < 2_000; i++) {
            asked.add(1 + random.nextInt(65_535));
        }
        for (int port : asked) {
            PortNumber candidate = PortNumber.of(port);
            for (boolean blocking : new boolean[] {true, false}) {
                boolean expected = entries.stream().anyMatch(e -> !e.project().equals(except) && e.hasPort(candidate)
                        && JUDGE.statusOf(e).blocksOthers() == blocking);
                assertThat(index.any(candidate, JUDGE, blocking)).as("port %d, blocking %s", port, blocking).isEqualTo(expected);
            }
        }
    }

    @Test
    void anEmptyRegistryHasNobodyOnAnyPort() {
        OthersByPort index = new OthersByPort(Registry.EMPTY, ProjectName.of("web"));
        assertThat(index.any(PortNumber.of(3000), JUDGE, true)).isFalse();
        assertThat(index.any(PortNumber.of(65535), JUDGE, false)).isFalse();
    }
}
