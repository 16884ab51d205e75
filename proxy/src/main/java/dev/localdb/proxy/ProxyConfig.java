package dev.localdb.proxy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the proxy listens. Ports of 0 pick a free port (tests); the proxy binds 127.0.0.1 and ::1 only.
 *
 * @param httpPort       plain HTTP port (default 1355)
 * @param httpsPort      TLS port with HTTP/2 by ALPN (default 1443)
 * @param caDirectory    where the local CA lives (created 0700 on first use, key 0600)
 * @param headerTimeout  a client that has not sent its request head by then is closed
 * @param idleTimeout    an idle keep-alive connection is closed after this
 * @param startTimeout   how long an on-demand start may take before the request gets 504
 */
public record ProxyConfig(int httpPort, int httpsPort, Path caDirectory, Duration headerTimeout,
                          Duration idleTimeout, Duration startTimeout) {
    public static final int DEFAULT_HTTP_PORT = 1355;
    public static final int DEFAULT_HTTPS_PORT = 1443;
}
