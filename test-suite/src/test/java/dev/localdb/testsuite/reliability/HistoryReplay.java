package dev.localdb.testsuite.reliability;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.fake.FakePortProbe;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.fake.InMemoryRegistryStore;
import dev.localdb.domain.fake.MutableClock;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays the critical sections of a {@link History}, one after the other in log order, against
 * the in-memory domain (fakes for the store, the host's ports, the processes and the clock, fed
 * with what each real transaction saw). Sequential consistency means: each transaction was given
 * exactly the registry the ones before it left, it produced what the replay produces, its caller
 * was told what the replay answers, and every lock-free read saw one of those registries.
 */
final class HistoryReplay {
    final List<String> problems = new ArrayList<>();
    Registry state = Registry.EMPTY;

    static HistoryReplay of(History history, AllocationSettings settings) {
        HistoryReplay replay = new HistoryReplay();
        Set<String> published = new HashSet<>(Set.of(RegistryDigest.of(replay.state)));
        for (History.Section section : history.sections) {
            replay.apply(section, history, settings);
            published.add(RegistryDigest.of(replay.state));
        }
        history.readDigests.stream().filter(d -> !published.contains(d)).distinct()
                .forEach(d -> replay.problems.add("a lock-free read saw registry " + d + ", which no transaction published"));
        if (history.acknowledged.size() != history.sections.size()) {
            replay.problems.add(history.acknowledged.size() + " acknowledged operations but " + history.sections.size() + " sections");
        }
        return replay;
    }

    private void apply(History.Section section, History history, AllocationSettings settings) {
        String where = "section of worker " + section.worker() + " op " + section.op() + " (" + section.kind() + " " + section.project() + ")";
        String before = RegistryDigest.of(state);
        if (!before.equals(section.seen())) {
            problems.add(where + " was given registry " + section.seen() + " but the sections before it left " + before);
        }
        InMemoryRegistryStore store = new InMemoryRegistryStore(state);
        FakePortProbe probe = new FakePortProbe();
        section.busyPorts().forEach(probe::occupy);
        PortAllocator allocator = new PortAllocator(store, probe, new FakeProcessInspector(), new MutableClock(section.at()), settings);
        String result = switch (section.kind()) {
            case "reserve" -> allocator.allocate(AllocationRequest.reservation(ProjectName.of(section.project())))
                    .allocation().port().toString();
            case "release" -> allocator.release(ProjectName.of(section.project())).map(a -> a.port().toString()).orElse("none");
            case "cleanup" -> Integer.toString(allocator.cleanup());
            default -> throw new AssertionError("unknown operation " + section.kind());
        };
        state = store.read();
        String after = RegistryDigest.of(state);
        if (!after.equals(section.produced())) {
            problems.add(where + " produced registry " + section.produced() + " but the replay produces " + after);
        }
        String told = history.acknowledged.get(section.key());
        if (!result.equals(told)) {
            problems.add(where + ": its caller was told " + told + " but the replay answers " + result);
        }
    }
}
