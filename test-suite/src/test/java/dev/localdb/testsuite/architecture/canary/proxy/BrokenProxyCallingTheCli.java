package dev.localdb.testsuite.architecture.canary.proxy;

import dev.localdb.testsuite.architecture.canary.cli.CanaryCli;
import dev.localdb.testsuite.architecture.canary.server.CanaryServer;

/** Broken: the proxy runs a cli command and reaches into the embedded server instead of using its ports. */
public final class BrokenProxyCallingTheCli {
    public int forward(CanaryServer server) {
        return new CanaryCli().run() + server.name().length();
    }
}
