package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The allocation a project now holds, and the rules that chose its ports.
 *
 * @param rule       the rule that chose the main port, e.g. "the project's remembered port" (shown with --verbose)
 * @param namedRules the rule that chose each named port, by name
 */
public record AllocationResult(Allocation allocation, String rule, Map<PortName, String> namedRules) {
    public AllocationResult {
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(rule, "rule");
        namedRules = Collections.unmodifiableMap(new TreeMap<>(namedRules));
    }

    public AllocationResult(Allocation allocation, String rule) {
        this(allocation, rule, Map.of());
    }
}
