package dev.localdb.testsuite.architecture.canary.domain;

import dev.localdb.testsuite.architecture.canary.adapters.os.CanaryOsAdapter;
import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import dev.localdb.testsuite.architecture.canary.cli.CanaryCli;
import dev.localdb.testsuite.architecture.canary.junit.CanaryJunitExtension;
import dev.localdb.testsuite.architecture.canary.server.CanaryServer;

/** Broken: a domain class that knows every outer layer. */
public final class BrokenDomainReachingOutward {
    public String outerLayers(CanaryStorageAdapter storage, CanaryOsAdapter os, CanaryServer server, CanaryCli cli,
                              CanaryJunitExtension junit) {
        return storage + " " + os + " " + server + " " + cli + " " + junit;
    }
}
