package dev.localdb.junit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A port that is free now, for tests that need one fixed port. Not from the OS (port 0 gives one
 * from the ephemeral range, which the extension never hands out): the first of 20000-29999 that
 * binds on loopback.
 */
final class FreePorts {
    private FreePorts() {
    }

    static int oneFreeLoopbackPort() throws IOException {
        for (int port = 20_000; port <= 29_999; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException busy) {
                // taken by someone else: try the next one
            }
        }
        throw new IOException("no free port in 20000-29999 on loopback");
    }
}
