package dev.localdb.testsuite.architecture.canary.junit;

import dev.localdb.testsuite.architecture.canary.cli.CanaryCli;

/** Broken: the JUnit extension borrows the cli instead of composing what it needs. */
public final class BrokenJunitExtensionCallingTheCli {
    public int portFor(CanaryCli cli) {
        return cli.run();
    }
}
