package dev.localdb.junit;

import dev.localdb.domain.model.PortNumber;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each child JVM of ParallelJvmsTest and CrashedJvmTest runs: a test with four
 * {@code @LocalDbPort}s (static field, instance field, two parameters) that binds every port on
 * loopback, reports them, and holds them until all its peer JVMs have reported theirs.
 */
@OnlyAsScenario
class HeldAcrossJvmsScenario {
    static final String HELD_DIR = "localdb.junit.heldDir";
    static final String PEERS = "localdb.junit.peers";
    static final String WAIT_SECONDS = "localdb.junit.waitSeconds";
    static final int PORTS_PER_JVM = 4;

    @LocalDbPort
    static int shared;
    @LocalDbPort
    int own;

    @Test
    void holdsItsPortsWhileItsPeersHoldTheirs(@LocalDbPort int first, @LocalDbPort PortNumber second) throws Exception {
        List<Integer> ports = List.of(shared, own, first, second.value());
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int port : ports) {
                // Fails the test (and the JVM's exit code) if any other JVM listens on this port.
                sockets.add(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
            }
            Path dir = Path.of(System.getProperty(HELD_DIR));
            HeldPortFiles.publish(dir, ProcessHandle.current().pid(), ports);
            HeldPortFiles.awaitPublished(dir, Integer.getInteger(PEERS), Duration.ofSeconds(Integer.getInteger(WAIT_SECONDS, 300)));
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The JVM is about to exit, which closes it anyway.
        }
    }
}
