package dev.localdb.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localdb.domain.model.PortNumber;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example class of docs/JUNIT_EXTENSION.md, kept in step with it (only @OnlyAsScenario and
 * the recording lines are added), so the documented example is known to compile and pass.
 */
@OnlyAsScenario
class DocumentedExample {
    @LocalDbPort
    static int sharedPort;      // one port for all tests of the class, given back after them

    @LocalDbPort
    int port;                   // a port for each test, given back after it

    @Test
    void serves() throws Exception {
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            try (Socket accepted = server.accept()) {
                assertEquals(client.getLocalPort(), accepted.getPort());
            }
        }
        Observations.record("serves", Map.of("static", sharedPort, "field", port));
    }

    @Test
    void twoServers(@LocalDbPort int api, @LocalDbPort(ranges = "20000-20999") PortNumber admin) {
        // Four different ports, all held by this test JVM now.
        assertEquals(4, Stream.of(sharedPort, port, api, admin.value()).distinct().count());
        Observations.record("twoServers", Map.of("static", sharedPort, "field", port, "api", api, "admin", admin.value()));
    }
}
