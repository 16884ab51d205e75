package dev.localdb.proxy;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.OnDemandStarter;
import dev.localdb.domain.routing.Route;
import dev.localdb.domain.routing.RouteState;
import dev.localdb.domain.routing.RouteTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A proxy on a free port with routes the test swaps at will, and everything to close afterwards. */
final class ProxyFixture implements AutoCloseable {
    final AtomicReference<RouteTable> routes = new AtomicReference<>(RouteTable.empty());
    final AtomicReference<OnDemandStarter> starter = new AtomicReference<>(project -> {
        throw new IllegalStateException("no on-demand start expected in this test");
    });
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private ProxyServer proxy;

    ProxyServer start(Path caDirectory, Duration headerTimeout, Duration idleTimeout, Duration startTimeout) {
        return start(new ProxyConfig(0, 0, caDirectory, headerTimeout, idleTimeout, startTimeout), Transport.best());
    }

    ProxyServer start(Path caDirectory) {
        return start(caDirectory, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    ProxyServer start(ProxyConfig config, Transport transport) {
        proxy = ProxyServer.start(config, routes::get, project -> starter.get().start(project), transport);
        toClose.push(proxy);
        return proxy;
    }

    int port() {
        return proxy.httpPort();
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    Backend backend(String name) throws IOException {
        return closeLater(Backend.start(name));
    }

    RawHttp client() throws IOException {
        return closeLater(RawHttp.connect(port()));
    }

    void routes(Route... routes) {
        this.routes.set(RouteTable.of(List.of(routes)));
    }

    static Route running(String host, String project, int port) {
        return new Route(host, ProjectName.of(project), Optional.empty(), Optional.of(PortNumber.of(port)), RouteState.RUNNING, false);
    }

    static Route named(String host, String project, String portName, int port) {
        return new Route(host, ProjectName.of(project), Optional.of(PortName.of(portName)), Optional.of(PortNumber.of(port)),
                RouteState.RUNNING, false);
    }

    static Route stopped(String host, String project, boolean onDemand) {
        return new Route(host, ProjectName.of(project), Optional.empty(), Optional.empty(), RouteState.STOPPED, onDemand);
    }

    static Route alias(String host, String name, int port) {
        return new Route(host, ProjectName.of(name), Optional.empty(), Optional.of(PortNumber.of(port)), RouteState.ALIAS, false);
    }

    /** A port nothing listens on (it was free a moment ago and loopback ports are not reused at once). */
    static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing a test resource failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
