package dev.localdb.domain.routing;

/** Whether the proxy can forward to a route now. */
public enum RouteState {
    /** The project's server holds the port. */
    RUNNING,
    /** The project is known but its server is not running (its port, if any, is only remembered). */
    STOPPED,
    /** A static route to a port localdb does not manage ({@code localdb proxy alias}); always forwarded. */
    ALIAS
}
