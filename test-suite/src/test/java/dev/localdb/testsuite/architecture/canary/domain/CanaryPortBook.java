package dev.localdb.testsuite.architecture.canary.domain;

import java.util.Optional;

/** Clean: a domain port, implemented by the clean storage adapter. */
public interface CanaryPortBook {
    Optional<CanaryValue> find(String project);
}
