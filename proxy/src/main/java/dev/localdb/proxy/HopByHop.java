package dev.localdb.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headers that describe one connection rather than the message (RFC 9110 section 7.6.1) and
 * therefore stop at the proxy. Transfer-Encoding stays: the codecs decode it on one side and
 * encode it again on the other, so the header keeps describing the body that actually goes out.
 */
final class HopByHop {
    private static final List<String> FIXED = List.of("connection", "keep-alive", "te", "trailer", "upgrade");

    /** A {@code Connection} header may not make the proxy drop what frames or addresses the message. */
    private static final List<String> FRAMING = List.of("transfer-encoding", "content-length", "host");

    private HopByHop() {
    }

    /** True for {@code Connection: upgrade} with an {@code Upgrade} header (WebSocket, Vite's HMR). */
    static boolean isUpgrade(HttpHeaders headers) {
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        // h2c is not relayed: browsers never use it and its request body would have to be buffered.
        return upgrade != null && !upgrade.isBlank() && !upgrade.trim().equalsIgnoreCase("h2c")
                && connectionTokens(headers).contains("upgrade");
    }

    /** Removes the hop-by-hop headers; with {@code keepUpgrade} the pair that asks for (or confirms) an upgrade stays. */
    static void strip(HttpHeaders headers, boolean keepUpgrade) {
        String upgrade = keepUpgrade ? headers.get(HttpHeaderNames.UPGRADE) : null;
        for (String token : connectionTokens(headers)) {
            headers.remove(token);
        }
        for (String name : FIXED) {
            headers.remove(name);
        }
        List<String> proxyHeaders = new ArrayList<>();
        for (String name : headers.names()) {
            if (name.regionMatches(true, 0, "proxy-", 0, 6)) {
                proxyHeaders.add(name);
            }
        }
        proxyHeaders.forEach(headers::remove);
        if (upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, "Upgrade");
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
    }

    private static List<String> connectionTokens(HttpHeaders headers) {
        List<String> tokens = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String trimmed = token.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty() && !FRAMING.contains(trimmed)) {
                    tokens.add(trimmed);
                }
            }
        }
        return tokens;
    }
}
