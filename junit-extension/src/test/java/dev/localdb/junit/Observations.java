package dev.localdb.junit;

import dev.localdb.domain.model.Allocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What scenario tests saw while they ran: the ports they were given, and the registry at that moment. */
final class Observations {
    private static final List<Observation> SEEN = new ArrayList<>();

    private Observations() {
    }

    /**
     * @param where  e.g. the test method's name
     * @param ports  by element, e.g. "static" -> 3000
     */
    record Observation(String where, Map<String, Integer> ports, Map<String, Allocation> registry) {
        Set<Integer> portsSeen() {
            return new TreeSet<>(ports.values());
        }

        Set<Integer> portsHeldInRegistry() {
            Set<Integer> held = new TreeSet<>();
            registry.values().stream().filter(Allocation::isHeld).forEach(a -> held.add(a.port().value()));
            return held;
        }
    }

    /** Called from inside a scenario test, so the registry is read while the ports are held. */
    static synchronized void record(String where, Map<String, Integer> ports) {
        SEEN.add(new Observation(where, Collections.unmodifiableMap(new LinkedHashMap<>(ports)),
                TestRegistry.entries(TestRegistry.homeOfThisScenario())));
    }

    static synchronized List<Observation> takeAll() {
        List<Observation> all = List.copyOf(SEEN);
        SEEN.clear();
        return all;
    }

    static Observation only(List<Observation> all, String where) {
        List<Observation> matching = all.stream().filter(o -> o.where().equals(where)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected one observation named " + where + " but got " + all);
        }
        return matching.get(0);
    }
}
