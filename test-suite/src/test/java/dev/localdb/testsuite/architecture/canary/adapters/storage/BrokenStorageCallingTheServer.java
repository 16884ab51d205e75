package dev.localdb.testsuite.architecture.canary.adapters.storage;

import dev.localdb.testsuite.architecture.canary.server.CanaryServer;

/** Broken: an adapter that depends on the server. */
public final class BrokenStorageCallingTheServer {
    public String serverName(CanaryServer server) {
        return server.name();
    }
}
