package dev.localdb.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one JDK HttpServer per loopback address, all on the same port. With port 0 the system
 * picks the port for the first address and the others follow; if another program holds that port
 * on a later address, everything is closed and a new port tried.
 */
final class LoopbackListeners {
    private static final int BACKLOG = 256; // room for a burst of connections, e.g. 200 clients at once
    private static final int ATTEMPTS_WITH_ANY_PORT = 10;
    /**
     * How long a client may take to send a request (line, headers and body) from its first byte.
     * Loopback clients send in milliseconds; one that trickles its headers holds a thread.
     */
    static final int REQUEST_SECONDS = 5;

    static {
        // The JDK server waits forever for a slow or lying client (e.g. a Content-Length it never
        // sends, or headers one byte a second); it closes the connection after maxReqTime, checked
        // every timerMillis. The JDK reads these once, when the first HttpServer of the JVM is created.
        limitIfUnset("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        limitIfUnset("sun.net.httpserver.timerMillis", "500");
        limitIfUnset("sun.net.httpserver.maxRspTime", "60");
    }

    private LoopbackListeners() {
    }

    static List<HttpServer> bind(List<InetAddress> addresses, int port) {
        for (int attempt = 1; ; attempt++) {
            List<HttpServer> bound = new ArrayList<>();
            int chosen = port;
            for (InetAddress address : addresses) {
                try {
                    HttpServer server = HttpServer.create(new InetSocketAddress(address, chosen), BACKLOG);
                    bound.add(server);
                    chosen = server.getAddress().getPort();
                } catch (IOException e) {
                    closeAll(bound);
                    boolean retry = port == 0 && !bound.isEmpty() && e instanceof BindException && attempt < ATTEMPTS_WITH_ANY_PORT;
                    if (!retry) {
                        throw new ServerStartException("Cannot listen on " + LoopbackAddresses.format(address, chosen) + ": "
                                + e.getMessage() + " (is another program using the port?).", e);
                    }
                    bound.clear();
                    break;
                }
            }
            if (bound.size() == addresses.size()) {
                return bound;
            }
        }
    }

    static void closeAll(List<HttpServer> servers) {
        for (HttpServer server : servers) {
            server.stop(0);
        }
    }

    private static void limitIfUnset(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
