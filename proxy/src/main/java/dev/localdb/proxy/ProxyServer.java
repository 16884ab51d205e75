package dev.localdb.proxy;

import dev.localdb.domain.port.OnDemandStarter;
import dev.localdb.domain.port.RouteSource;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The name proxy: {@code <project>.localhost} on loopback → the project's port. HTTP/1.1 with
 * keep-alive, streamed bodies and WebSocket relays (see {@link FrontendHandler}); HTTPS with
 * certificates from a local CA issued per name by SNI, and HTTP/2 by ALPN.
 */
public final class ProxyServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final OnDemandStarts starts;
    private final List<Channel> listeners;
    private final int httpPort;
    private final int httpsPort;
    private final Transport transport;
    private final Path caCertificate;

    private ProxyServer(EventLoopGroup group, OnDemandStarts starts, List<Channel> listeners, int httpPort, int httpsPort,
                        Transport transport, Path caCertificate) {
        this.caCertificate = caCertificate;
        this.group = group;
        this.starts = starts;
        this.listeners = listeners;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.transport = transport;
    }

    /** Binds both ports on 127.0.0.1 and ::1 and returns once they accept connections. */
    public static ProxyServer start(ProxyConfig config, RouteSource routes, OnDemandStarter starter) {
        return start(config, routes, starter, Transport.best());
    }

    static ProxyServer start(ProxyConfig config, RouteSource routes, OnDemandStarter starter, Transport transport) {
        EventLoopGroup group = transport.newEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()));
        OnDemandStarts starts = new OnDemandStarts(starter);
        List<Channel> listeners = new ArrayList<>();
        try {
            ProxyContext context = new ProxyContext(config, routes, starts, transport);
            int http = listen(group, transport, new HttpChannelInitializer(context), config.httpPort(), "proxy.httpPort",
                    "LOCALDB_PROXY_HTTP_PORT", listeners);
            LocalCertificateAuthority authority;
            try {
                authority = LocalCertificateAuthority.loadOrCreate(config.caDirectory());
            } catch (RuntimeException e) {
                throw new ProxyStartException(e.getMessage() + " (check that folder's owner and permissions, or delete it to make a new CA)", e);
            }
            int https = listen(group, transport, new HttpsChannelInitializer(context, new SniCertificates(authority)),
                    config.httpsPort(), "proxy.httpsPort", "LOCALDB_PROXY_HTTPS_PORT", listeners);
            return new ProxyServer(group, starts, listeners, http, https, transport, authority.certificateFile());
        } catch (RuntimeException e) {
            listeners.forEach(Channel::close);
            starts.close();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Binds 127.0.0.1 (required) and then ::1 on the same port (where the host has IPv6). */
    private static int listen(EventLoopGroup group, Transport transport, ChannelHandler initializer, int port,
                              String setting, String variable, List<Channel> listeners) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        Channel v4;
        try {
            v4 = bootstrap.bind(new InetSocketAddress(address("127.0.0.1", 127, 0, 0, 1), port)).sync().channel();
        } catch (Exception e) {
            throw new ProxyStartException("The proxy cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "): free the port or choose another with " + setting + " or " + variable + ".", e);
        }
        listeners.add(v4);
        int bound = ((InetSocketAddress) v4.localAddress()).getPort();
        try {
            byte[] v6 = new byte[16];
            v6[15] = 1;
            listeners.add(bootstrap.bind(new InetSocketAddress(InetAddress.getByAddress("::1", v6), bound)).sync().channel());
        } catch (Exception noIpv6) {
            // No ::1 on this host (or the port is taken there): *.localhost resolves to 127.0.0.1 as well.
        }
        return bound;
    }

    private static InetAddress address(String name, int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        try {
            return InetAddress.getByAddress(name, raw);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The HTTP port it listens on (the configured one, or the one picked for 0). */
    public int httpPort() {
        return httpPort;
    }

    /** The HTTPS port (HTTP/2 and HTTP/1.1 by ALPN): the configured one, or the one picked for 0. */
    public int httpsPort() {
        return httpsPort;
    }

    /** The local CA's certificate (ca.pem), what a browser or {@code proxy trust} must trust. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** "epoll" or "nio". */
    public String transportName() {
        return transport.name();
    }

    /** Stops listening, cuts every connection and waits for the event loops to end. */
    @Override
    public void close() {
        listeners.forEach(channel -> channel.close().awaitUninterruptibly());
        starts.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
