package dev.localdb.proxy;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.Mapping;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The TLS context for the name a client asks for by SNI, with a certificate issued for exactly
 * that name the first time and cached. Only {@code localhost} and {@code *.localhost} names get
 * one of their own; any other name (or none, as for https://127.0.0.1) gets the localhost
 * certificate, which such a client rejects, and a request that gets through anyway is refused
 * by the route table.
 */
final class SniCertificates implements Mapping<String, SslContext> {
    private static final String DEFAULT_HOST = "localhost";
    /** Distinct names a client can make up are unbounded; the cache is not. */
    private static final int CACHE_SIZE = 512;
    private static final Pattern LOCALHOST_NAME = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.){0,8}localhost");

    /**
     * BoringSSL (netty-tcnative) when its native library loads, else the JDK's TLS. The same
     * protocols, ciphers and ALPN either way; BoringSSL makes far more handshakes per second.
     */
    static final SslProvider PROVIDER = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;

    private final LocalCertificateAuthority authority;
    private final Map<String, SslContext> contexts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SslContext> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    SniCertificates(LocalCertificateAuthority authority) {
        this.authority = authority;
    }

    @Override
    public SslContext map(String serverName) {
        String host = serverName == null ? DEFAULT_HOST : serverName.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.length() > 253 || !LOCALHOST_NAME.matcher(host).matches()) {
            host = DEFAULT_HOST;
        }
        synchronized (contexts) {
            SslContext context = contexts.get(host);
            if (context == null) {
                // Issued on the event loop: an EC P-256 key and one signature take about a millisecond.
                context = newContext(authority.issue(host));
                contexts.put(host, context);
            }
            return context;
        }
    }

    private static SslContext newContext(LocalCertificateAuthority.Issued issued) {
        try {
            return SslContextBuilder.forServer(issued.key(), issued.leaf(), issued.ca())
                    .sslProvider(PROVIDER)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up TLS for " + issued.leaf().getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }
}
