package dev.localdb.adapters.os;

import dev.localdb.domain.port.ProcessInspector;

/**
 * The portable mode's inspector (ProcessHandle only, the fallback where there is no /proc) keeps
 * the same contract. It runs here on whatever host builds the project, against the same real processes.
 */
class ProcessHandleInspectorContractTest extends ProcessInspectorContractTest {

    @Override
    protected ProcessInspector newInspector() {
        return PortablePlatform.PLATFORM.inspector();
    }

    /** Sessions come from /proc, whose start times this table does not use: nothing is seen to live on. */
    @Override
    protected boolean seesSessions() {
        return false;
    }
}
