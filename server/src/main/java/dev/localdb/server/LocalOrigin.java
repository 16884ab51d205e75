package dev.localdb.server;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a request really comes from this machine's browser or tools. A web page can make
 * a browser reach a loopback server through a hostile DNS name (DNS rebinding) or send it a
 * cross-site write; the Host and Origin headers give both away.
 */
final class LocalOrigin {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern PORT = Pattern.compile(":[0-9]{0,5}");
    private static final Pattern NAME_UNDER_LOCALHOST = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+localhost");
    private static final Pattern ORIGIN = Pattern.compile("(?i)https?://(.+)");

    private LocalOrigin() {
    }

    /** Exactly one Host header naming localhost, 127.0.0.1 or [::1]; any port ({@link #namesPort} checks that). */
    static boolean isLocalHost(List<String> hostHeaders) {
        return hostHeaders != null && hostHeaders.size() == 1 && isLocalAuthority(hostHeaders.get(0));
    }

    /**
     * Whether a local authority (as {@link #isLocalAuthority} accepts) names this port or none. A
     * page on another port that reaches this server under its own origin is refused.
     */
    static boolean namesPort(String authority, int port) {
        int colon = authority.lastIndexOf(':');
        if (colon < authority.lastIndexOf(']') || colon < 0) {
            return true; // no port: the client took the scheme's default
        }
        String named = authority.substring(colon + 1);
        return named.isEmpty() || named.equals(Integer.toString(port));
    }

    /** No Origin (curl, scripts, same-origin GET) or an http(s) origin on a local host. */
    static boolean isLocalOrigin(List<String> originHeaders) {
        if (originHeaders == null || originHeaders.isEmpty()) {
            return true;
        }
        if (originHeaders.size() != 1) {
            return false;
        }
        var matcher = ORIGIN.matcher(originHeaders.get(0));
        return matcher.matches() && isLocalAuthority(matcher.group(1));
    }

    /**
     * No Origin (tools, which send none), or exactly the origin of the page this server serves:
     * {@code http://} plus the Host header. Stricter than {@link #isLocalOrigin}, which lets a page
     * on another local port through; the dashboard's controls accept no other page.
     */
    static boolean isSameOrigin(List<String> originHeaders, String host) {
        if (originHeaders == null || originHeaders.isEmpty()) {
            return true;
        }
        return originHeaders.size() == 1 && host != null && isLocalAuthority(host)
                && originHeaders.get(0).equalsIgnoreCase("http://" + host);
    }

    /**
     * A {@code <name>.localhost} authority on one of the name proxy's ports: the proxy forwarded
     * it and kept the browser's Host, as a reverse proxy does.
     */
    static boolean viaProxy(String authority, Set<Integer> proxyPorts) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.startsWith("[")) {
            return false;
        }
        String host = authority.substring(0, colon).toLowerCase(Locale.ROOT);
        String named = authority.substring(colon + 1);
        return NAME_UNDER_LOCALHOST.matcher(host).matches() && named.matches("[0-9]{1,5}")
                && proxyPorts.contains(Integer.parseInt(named));
    }

    /**
     * {@code host} or {@code host:port}, where host is one of the local names or a name under
     * {@code .localhost}, which browsers resolve to loopback themselves and never ask DNS about
     * (RFC 6761), so DNS rebinding cannot use it.
     */
    static boolean isLocalAuthority(String authority) {
        String host;
        String rest;
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            if (end < 0) {
                return false;
            }
            host = authority.substring(0, end + 1);
            rest = authority.substring(end + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            rest = colon < 0 ? "" : authority.substring(colon);
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return (LOCAL_HOSTS.contains(lower) || NAME_UNDER_LOCALHOST.matcher(lower).matches())
                && (rest.isEmpty() || PORT.matcher(rest).matches());
    }
}
