package dev.localdb.domain.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every name the proxy serves, and the rule that turns a request's {@code Host} into a
 * {@link RouteDecision}. Immutable: the proxy swaps in a new table when the registry changes.
 */
public final class RouteTable {
    public static final String SUFFIX = ".localhost";
    private static final List<String> INDEX_HOSTS = List.of("localhost", "localdb.localhost", "127.0.0.1", "[::1]", "::1");

    private final Map<String, Route> byHost;

    private RouteTable(Map<String, Route> byHost) {
        this.byHost = byHost;
    }

    public static RouteTable empty() {
        return new RouteTable(Map.of());
    }

    /** The first route for a host wins (callers list projects before the named ports that could shadow them). */
    public static RouteTable of(Collection<Route> routes) {
        Map<String, Route> byHost = new TreeMap<>();
        for (Route route : routes) {
            byHost.putIfAbsent(route.host(), route);
        }
        return new RouteTable(Collections.unmodifiableMap(byHost));
    }

    /** Sorted by host. */
    public List<Route> routes() {
        return new ArrayList<>(byHost.values());
    }

    public Optional<Route> route(String host) {
        return Optional.ofNullable(byHost.get(host));
    }

    /** The decision for a {@code Host} header value (with or without {@code :port}); null or blank is foreign. */
    public RouteDecision decide(String hostHeader) {
        String host = hostName(hostHeader);
        if (host.isEmpty()) {
            return new RouteDecision.ForeignHost(hostHeader == null ? "" : hostHeader);
        }
        if (INDEX_HOSTS.contains(host)) {
            return new RouteDecision.IndexPage();
        }
        Route route = byHost.get(host);
        if (route == null) {
            return host.endsWith(SUFFIX) ? new RouteDecision.UnknownName(host) : new RouteDecision.ForeignHost(host);
        }
        return switch (route.state()) {
            case RUNNING, ALIAS -> new RouteDecision.Forward(route);
            case STOPPED -> route.onDemand() ? new RouteDecision.StartOnDemand(route) : new RouteDecision.NotRunning(route);
        };
    }

    /** {@code Shop.Localhost.:1443} → {@code shop.localhost}; {@code [::1]:80} → {@code [::1]}; empty when unusable. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? "" : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }
}
