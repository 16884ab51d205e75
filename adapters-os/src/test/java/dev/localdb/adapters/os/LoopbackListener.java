package dev.localdb.adapters.os;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A real server socket listening on loopback, for the contracts' try-with-resources. */
final class LoopbackListener {
    private LoopbackListener() {
    }

    /** Listens on the port, or fails (and leaves no socket open) when it is taken. */
    static ServerSocket on(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }
}
