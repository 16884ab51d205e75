package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tells what an allocation means now. An owner counts as alive only when the same process
 * (PID, start time and boot) still runs, so PID reuse and reboots make an allocation stale, or
 * when what it started still runs in its session (a killed wrapper's dev server): cleanup must not
 * free a port that a server of the project still serves, nor lose track of that server.
 * Answers are remembered for the judge's lifetime: create one per transaction or listing.
 */
public final class StatusJudge {
    private final ProcessInspector inspector;
    private final Map<ProcessIdentity, Boolean> alive = new HashMap<>();
    private Predicate<ProcessIdentity> livingOn;

    public StatusJudge(ProcessInspector inspector) {
        this.inspector = inspector;
    }

    public AllocationStatus statusOf(Allocation allocation) {
        if (!allocation.isHeld()) {
            return AllocationStatus.RELEASED;
        }
        return allocation.owner()
                .map(owner -> alive.computeIfAbsent(owner, this::runs) ? AllocationStatus.ACTIVE : AllocationStatus.STALE)
                .orElse(AllocationStatus.RESERVED);
    }

    private boolean runs(ProcessIdentity owner) {
        if (inspector.isAlive(owner)) {
            return true;
        }
        if (livingOn == null) {
            livingOn = inspector.sessionsLivingOn(); // one look for all the dead owners of this judgement
        }
        return livingOn.test(owner);
    }
}
