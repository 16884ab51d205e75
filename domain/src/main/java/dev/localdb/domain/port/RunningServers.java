package dev.localdb.domain.port;

import dev.localdb.domain.model.Registry;

/**
 * The servers that run right now, as they describe themselves outside the registry. When the
 * registry is found damaged and set aside, this is what can be rebuilt, so that running projects
 * keep their ports instead of being handed to someone else.
 */
@FunctionalInterface
public interface RunningServers {
    /** For stores that have nothing to rebuild from: a damaged registry starts empty. */
    RunningServers NONE = () -> Registry.EMPTY;

    /**
     * A registry holding only the ports of servers proven to be running, each held by its server's
     * process; never two holders of one port. Called under the registry lock, so it must be quick
     * and must not call back into the store.
     */
    Registry registry();
}
