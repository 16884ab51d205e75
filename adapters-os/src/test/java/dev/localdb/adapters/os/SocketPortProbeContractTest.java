package dev.localdb.adapters.os;

import dev.localdb.domain.contract.PortProbeContract;
import dev.localdb.domain.port.PortProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The socket probe against real listening sockets. */
class SocketPortProbeContractTest extends PortProbeContract {

    @Override
    protected PortProbe newProbe() {
        return new SocketPortProbe();
    }

    /** A real server listening on loopback, closed by the contract's try-with-resources. */
    @Override
    protected AutoCloseable occupy(int port) throws IOException {
        return LoopbackListener.on(port);
    }

    /** A port the OS itself just picked as unused on every IPv4 address. */
    @Override
    protected int freePortCandidate() throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0));
            return server.getLocalPort();
        }
    }
}
