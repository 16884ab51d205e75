package dev.localdb.benchmarks;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registries of a chosen size, written straight through the store before a benchmark runs. */
public final class Seeds {
    private Seeds() {
    }

    public static ProjectName project(String prefix, int index) {
        return ProjectName.of(String.format("%s-%05d", prefix, index));
    }

    /**
     * {@code count} projects on {@code firstPort}, {@code firstPort + 1}, ...: even ones reserved
     * (held without an owner), odd ones released (remembered). A new project skips all of them:
     * held ports belong to others and remembered ones are taken only as a last resort. Cleanup
     * counts as done now, so an allocation does not run it on the way (its default is hourly).
     */
    public static Registry reservedAndReleased(int count, int firstPort, Instant now) {
        List<Allocation> allocations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Allocation held = reserved(project("seed", i), firstPort + i, now);
            allocations.add(i % 2 == 0 ? held : held.released());
        }
        return Registry.of(allocations, Optional.of(now));
    }

    /** {@code count} projects that each hold a port of {@code firstPort...} with no owner process. */
    public static Registry reserved(int count, int firstPort, Instant now) {
        List<Allocation> allocations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            allocations.add(reserved(project("held", i), firstPort + i, now));
        }
        return Registry.of(allocations, Optional.of(now));
    }

    /**
     * One entry per port from {@code firstPort}: the first {@code deadOwners.size()} entries are
     * held by processes that have exited (stale), the rest alternate between reserved and
     * released. Cleanup has not run yet.
     */
    public static Registry withStaleOwners(int count, int firstPort, List<ProcessIdentity> deadOwners, Instant now) {
        List<Allocation> allocations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ProjectName project = project("entry", i);
            if (i < deadOwners.size()) {
                allocations.add(Allocation.held(project, PortNumber.of(firstPort + i), Optional.of(deadOwners.get(i)), now));
            } else {
                Allocation held = reserved(project, firstPort + i, now);
                allocations.add(i % 2 == 0 ? held : held.released());
            }
        }
        return Registry.of(allocations, Optional.empty());
    }

    private static Allocation reserved(ProjectName project, int port, Instant now) {
        return Allocation.held(project, PortNumber.of(port), Optional.empty(), now);
    }
}
