package dev.localdb.proxy;

import dev.localdb.domain.port.RouteSource;

/** What every connection of one proxy shares. */
record ProxyContext(ProxyConfig config, RouteSource routes, OnDemandStarts starts, Transport transport) {
}
