package dev.localdb.adapters.os;

import java.util.Map;
import java.util.OptionalLong;

/** Where an inspector learns when a process started and which boot this is. */
interface ProcessTable {

    /** The start marker of the live process with this PID; empty when none runs (zombies do not run). */
    OptionalLong startTimeOf(long pid);

    /** Names the current boot. Read once by the inspector, so it may be slow. */
    String bootId();

    /**
     * For every session with a live member other than its leader, the latest start among those
     * members (in this table's units); empty where sessions cannot be seen (only Linux's /proc shows them).
     */
    default Map<Long, Long> latestSessionMemberStarts() {
        return Map.of();
    }

    /** The kernel's own table where there is one (Linux), otherwise what the JDK can tell. */
    static ProcessTable forThisHost() {
        return ProcFsProcessTable.isAvailable() ? new ProcFsProcessTable() : new ProcessHandleTable();
    }
}
