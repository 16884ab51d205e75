package dev.localdb.testsuite.architecture.canary.adapters.os;

import dev.localdb.testsuite.architecture.canary.cli.CanaryCli;

/** Broken: an adapter that depends on the command line. */
public final class BrokenOsAdapterCallingTheCli {
    public int exit(CanaryCli cli) {
        return cli.run();
    }
}
