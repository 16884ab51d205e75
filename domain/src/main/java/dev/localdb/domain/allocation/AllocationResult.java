package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;

/**
 * The allocation a project now holds, and the rule that chose its port.
 *
 * @param rule the chosen strategy's name, e.g. "remembered port" (shown with --verbose)
 */
public record AllocationResult(Allocation allocation, String rule) {
}
