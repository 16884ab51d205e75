package dev.localdb.domain.allocation;

import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import java.util.List;
import java.util.Optional;

/**
 * The allocation rules, in the order they are tried. The first rule that proposes a port wins;
 * when none does, the allocator reports that no port is free.
 */
public final class AllocationPolicy {
    private AllocationPolicy() {
    }

    public static List<AllocationStrategy> standard() {
        return List.of(
                rule("the port the project holds", AllocationPolicy::portTheProjectHolds),
                rule("the project's remembered port", AllocationPolicy::rememberedPort),
                rule("the preferred port", AllocationPolicy::preferredPort),
                rule("the first free port of the configured ranges", c -> scanRanges(c, false)),
                rule("a port another project only remembers (last resort)", c -> scanRanges(c, true)));
    }

    /** 1. A live allocation or a reservation keeps its port: asking twice gives the same answer. */
    static Optional<PortNumber> portTheProjectHolds(AllocationContext context) {
        return context.own()
                .filter(own -> context.judge().statusOf(own).blocksOthers())
                .map(own -> own.port());
    }

    /** 2. Stickiness: a released or stale allocation is remembered and reused when it is free. */
    static Optional<PortNumber> rememberedPort(AllocationContext context) {
        return context.own()
                .filter(own -> context.judge().statusOf(own) != AllocationStatus.ACTIVE)
                .map(own -> own.port())
                .filter(port -> context.canTake(port, true));
    }

    /** 3. The project's preferred port, or the configured default (3000). */
    static Optional<PortNumber> preferredPort(AllocationContext context) {
        PortNumber preferred = context.request().preferred().orElse(context.settings().preferredPort());
        return Optional.of(preferred).filter(port -> context.canTake(port, false));
    }

    /** 4 and 5. The ranges in order, first without and then with ports other projects remember. */
    static Optional<PortNumber> scanRanges(AllocationContext context, boolean evenIfRememberedByOther) {
        for (PortRange range : context.settings().ranges()) {
            for (int p = range.first().value(); p <= range.last().value(); p++) {
                PortNumber port = new PortNumber(p);
                if (context.canTake(port, evenIfRememberedByOther)) {
                    return Optional.of(port);
                }
            }
        }
        return Optional.empty();
    }

    private static AllocationStrategy rule(String name, java.util.function.Function<AllocationContext, Optional<PortNumber>> body) {
        return new AllocationStrategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<PortNumber> choose(AllocationContext context) {
                return body.apply(context);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
