package dev.localdb.testsuite.architecture.canary.server;

import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import java.nio.file.Path;

/** Broken: the server builds its own adapter, doing the composition root's job. */
public final class BrokenServerUsingAnAdapter {
    public CanaryServer start() {
        return new CanaryServer(new CanaryStorageAdapter(Path.of("registry.json")));
    }
}
