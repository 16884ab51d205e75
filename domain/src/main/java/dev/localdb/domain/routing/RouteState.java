package dev.localdb.domain.routing;

import java.util.Locale;

/** Whether the proxy can forward to a route now. */
public enum RouteState {
    /** The project's server holds the port. */
    RUNNING,
    /** The project is known but its server is not running (its port, if any, is only remembered). */
    STOPPED,
    /** A static route to a port localdb does not manage ({@code localdb proxy alias}); always forwarded. */
    ALIAS;

    /** The lower-case word shown to users, on the proxy's pages and by {@code proxy status --json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
