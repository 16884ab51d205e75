package dev.localdb.domain.port;

import dev.localdb.domain.routing.RouteTable;

/**
 * The names the proxy serves now. Implementations read the registry, the project catalog and the
 * aliases; the proxy asks often (a change must be routed within a second), so they may cache.
 */
@FunctionalInterface
public interface RouteSource {
    RouteTable current();
}
