package dev.localdb.domain.routing;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.util.Optional;

/**
 * One name the proxy answers for: {@code shop.localhost} → project shop's main port,
 * {@code api.shop.localhost} → its port named api, or an alias to a port localdb does not manage.
 *
 * @param host      the lower-case host name without port, e.g. {@code api.shop.localhost}
 * @param target    the project (or, for an alias, the alias name) the route belongs to
 * @param portName  the named port, empty for the main port and for aliases
 * @param port      where requests go; empty when the project never held a port
 * @param state     whether a request can be forwarded now
 * @param onDemand  a request for a stopped project starts it (project option {@code --on-demand})
 */
public record Route(String host, ProjectName target, Optional<PortName> portName, Optional<PortNumber> port,
                    RouteState state, boolean onDemand) {
    public Route {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (state != RouteState.STOPPED && port.isEmpty()) {
            throw new IllegalArgumentException("a " + state + " route needs a port: " + host);
        }
    }
}
