package dev.localdb.adapters.os;

import dev.localdb.domain.contract.ServerControlContract;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;

/** The real control against real listening sockets and real processes. */
class ProcessServerControlContractTest extends ServerControlContract {
    private final ProcessInspector inspector = newInspector();
    private final ServerTestProcesses processes = new ServerTestProcesses(inspector);

    /** The platform's inspector; the portable subclass gives its own. */
    protected ProcessInspector newInspector() {
        return new ProcFsProcessInspector();
    }

    @Override
    protected ServerControl newControl() {
        return new ProcessServerControl(inspector);
    }

    @Override
    protected AutoCloseable listen(int port) throws Exception {
        return new ServerSocket(port, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    }

    @Override
    protected int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    @Override
    protected ProcessIdentity startProcess() throws Exception {
        return processes.start("sleep", "60");
    }

    @Override
    protected ProcessIdentity startProcessIgnoringStop() throws Exception {
        return processes.startReady("trap '' TERM; echo ready; exec sleep 60");
    }

    @Override
    protected void endProcess(ProcessIdentity process) {
        processes.end(process);
    }

    @Override
    protected boolean isRunning(ProcessIdentity process) {
        return inspector.isAlive(process);
    }

    @AfterEach
    void endProcesses() {
        processes.close();
    }
}
