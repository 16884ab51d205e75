package dev.localdb.domain.routing;

/** What the proxy does with one request, decided from its {@code Host} alone. */
public sealed interface RouteDecision {
    /** Forward to the route's port. */
    record Forward(Route route) implements RouteDecision {
    }

    /** {@code localhost} or {@code localdb.localhost} itself: the index page of every route. */
    record IndexPage() implements RouteDecision {
    }

    /** A {@code *.localhost} name nobody registered: 404 with the running projects. */
    record UnknownName(String host) implements RouteDecision {
    }

    /** A known project whose server is not running: 502/503 that says {@code localdb start <project>}. */
    record NotRunning(Route route) implements RouteDecision {
    }

    /** A stopped project created with {@code --on-demand}: start it, hold the request, then forward. */
    record StartOnDemand(Route route) implements RouteDecision {
    }

    /** Not a name this proxy serves (never an open proxy): 421. */
    record ForeignHost(String host) implements RouteDecision {
    }
}
