package dev.localdb.proxy;

import dev.localdb.domain.port.OnDemandStarter;
import dev.localdb.domain.port.RouteSource;

/**
 * The name proxy: {@code <project>.localhost} on loopback → the project's port. Skeleton of the
 * API the CLI composes against; the engine is built behind it.
 */
public final class ProxyServer implements AutoCloseable {
    private ProxyServer() {
    }

    /** Binds both ports on 127.0.0.1 and ::1 and returns once they accept connections. */
    public static ProxyServer start(ProxyConfig config, RouteSource routes, OnDemandStarter starter) {
        throw new UnsupportedOperationException("the proxy engine is not built yet");
    }

    /** The HTTP port it listens on (the configured one, or the one picked for 0). */
    public int httpPort() {
        throw new UnsupportedOperationException("the proxy engine is not built yet");
    }

    public int httpsPort() {
        throw new UnsupportedOperationException("the proxy engine is not built yet");
    }

    @Override
    public void close() {
    }
}
