package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.localdb.junit.LocalDbPort;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Two ports from localdb-junit, held by this JVM: different, and each one bindable. */
class ConsumerTest {
    @LocalDbPort
    int port;

    @Test
    void getsPortsItCanBind(@LocalDbPort int other) throws Exception {
        assertNotEquals(port, other);
        try (ServerSocket a = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(other, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(port, a.getLocalPort());
            assertEquals(other, b.getLocalPort());
        }
    }
}
