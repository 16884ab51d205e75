package dev.localdb.testsuite.architecture.canary.cli;

import dev.localdb.testsuite.architecture.canary.adapters.os.CanaryOsAdapter;
import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import dev.localdb.testsuite.architecture.canary.server.CanaryServer;
import java.nio.file.Path;
import picocli.CommandLine;

/** Clean: the composition root may name every adapter and hand them to the server. */
public final class CanaryCli {
    public int run() {
        CanaryServer server = new CanaryServer(new CanaryStorageAdapter(Path.of("registry.json")));
        boolean alive = new CanaryOsAdapter().isAlive(1);
        return new CommandLine(server).getCommandName().length() + (alive ? 1 : 0);
    }
}
