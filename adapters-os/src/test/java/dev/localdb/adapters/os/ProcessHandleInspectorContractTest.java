package dev.localdb.adapters.os;

import dev.localdb.domain.port.ProcessInspector;

/**
 * The fallback used where there is no /proc (macOS, Windows) keeps the same contract. It runs
 * here on whatever host builds the project, against the same real processes.
 */
class ProcessHandleInspectorContractTest extends ProcessInspectorContractTest {

    @Override
    protected ProcessInspector newInspector() {
        return new ProcFsProcessInspector(new ProcessHandleTable());
    }

    /** Sessions come from /proc, whose start times this table does not use: nothing is seen to live on. */
    @Override
    protected boolean seesSessions() {
        return false;
    }
}
