package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells what an allocation means now. An owner counts as alive only when the same process
 * (PID, start time and boot) still runs, so PID reuse and reboots make an allocation stale.
 * Answers are remembered for the judge's lifetime: create one per transaction or listing.
 */
public final class StatusJudge {
    private final ProcessInspector inspector;
    private final Map<ProcessIdentity, Boolean> alive = new HashMap<>();

    public StatusJudge(ProcessInspector inspector) {
        this.inspector = inspector;
    }

    public AllocationStatus statusOf(Allocation allocation) {
        if (!allocation.isHeld()) {
            return AllocationStatus.RELEASED;
        }
        return allocation.owner()
                .map(owner -> alive.computeIfAbsent(owner, inspector::isAlive) ? AllocationStatus.ACTIVE : AllocationStatus.STALE)
                .orElse(AllocationStatus.RESERVED);
    }
}
