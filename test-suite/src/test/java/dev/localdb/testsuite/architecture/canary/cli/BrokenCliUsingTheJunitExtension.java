package dev.localdb.testsuite.architecture.canary.cli;

import dev.localdb.testsuite.architecture.canary.junit.CanaryJunitExtension;

/** Broken: the product depends on the library meant for users' tests. */
public final class BrokenCliUsingTheJunitExtension {
    public boolean run(CanaryJunitExtension extension) {
        return extension.portFor("demo");
    }
}
