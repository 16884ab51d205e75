package dev.localdb.adapters.os;

import java.util.OptionalLong;

/** Where an inspector learns when a process started and which boot this is. */
interface ProcessTable {

    /** The start marker of the live process with this PID; empty when none runs (zombies do not run). */
    OptionalLong startTimeOf(long pid);

    /** Names the current boot. Read once by the inspector, so it may be slow. */
    String bootId();

    /** The kernel's own table where there is one (Linux), otherwise what the JDK can tell. */
    static ProcessTable forThisHost() {
        return ProcFsProcessTable.isAvailable() ? new ProcFsProcessTable() : new ProcessHandleTable();
    }
}
