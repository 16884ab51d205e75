package dev.localdb.domain.port;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;

/**
 * Starts a stopped project for the proxy (hotel and puma-dev's "start on first request") and
 * returns once its server accepts connections. Blocking: the proxy calls it off its event loop.
 */
@FunctionalInterface
public interface OnDemandStarter {
    /**
     * @return the port the project's main server listens on now
     * @throws dev.localdb.domain.error.LocalDbException when it cannot be started (the message is shown on the 502 page)
     */
    PortNumber start(ProjectName project);

    /**
     * A request for an on-demand project is being forwarded to its running server (for the idle
     * stop, {@code proxy.idleStopMinutes}). Called on the proxy's event loops: it must not block.
     */
    default void served(ProjectName project) {
    }
}
