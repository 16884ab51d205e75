package dev.localdb.domain.allocation;

import dev.localdb.domain.model.PortNumber;
import java.util.Optional;

/** One rule of the allocation policy: proposes a port, or passes to the next rule. */
public interface AllocationStrategy {
    /** A short name that reads as the rule, e.g. "the project's remembered port". */
    String name();

    Optional<PortNumber> choose(AllocationContext context);
}
