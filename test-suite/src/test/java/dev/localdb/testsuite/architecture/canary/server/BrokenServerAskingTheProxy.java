package dev.localdb.testsuite.architecture.canary.server;

import dev.localdb.testsuite.architecture.canary.proxy.CanaryProxy;

/** Broken: the embedded server asks the proxy for a route, tying two inbound adapters together. */
public final class BrokenServerAskingTheProxy {
    public String nameOf(CanaryProxy proxy) {
        return proxy.route("demo.localhost");
    }
}
