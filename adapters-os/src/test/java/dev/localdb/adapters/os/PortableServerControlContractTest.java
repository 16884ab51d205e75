package dev.localdb.adapters.os;

import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;

/** The portable mode's control (identity from ProcessHandle, no session search in /proc) under the same contract. */
class PortableServerControlContractTest extends ProcessServerControlContractTest {
    @Override
    protected ProcessInspector newInspector() {
        return PortablePlatform.PLATFORM.inspector();
    }

    @Override
    protected ServerControl newControl() {
        return PortablePlatform.PLATFORM.serverControl(newInspector());
    }
}
