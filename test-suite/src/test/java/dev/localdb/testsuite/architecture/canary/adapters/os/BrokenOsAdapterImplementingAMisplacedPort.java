package dev.localdb.testsuite.architecture.canary.adapters.os;

import dev.localdb.testsuite.architecture.canary.domain.BrokenPortOutsideThePortPackage;

/** Broken: implements a domain interface that is not in domain.port. */
public final class BrokenOsAdapterImplementingAMisplacedPort implements BrokenPortOutsideThePortPackage {
    @Override
    public boolean holds(int port) {
        return port > 0;
    }
}
