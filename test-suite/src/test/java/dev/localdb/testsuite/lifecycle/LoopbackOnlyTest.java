package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.ListeningSockets;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded server can only be reached from this machine: the kernel's socket table says so. */
class LoopbackOnlyTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void theEmbeddedServerListensOnLoopbackAddressesOnly() throws Exception {
        int port = Started.from(sandbox.localdb().run("start", "private", "--create")).port();

        List<InetAddress> listening = ListeningSockets.on(port);

        InetAddress ipv4 = InetAddress.getByName("127.0.0.1");
        InetAddress ipv6 = InetAddress.getByName("::1");
        assertThat(listening).as("LISTEN sockets on port %d (/proc/net/tcp, /proc/net/tcp6)", port)
                .contains(ipv4)
                .allSatisfy(address -> assertThat(address).as("never a wildcard or outside address").isIn(ipv4, ipv6));
    }
}
