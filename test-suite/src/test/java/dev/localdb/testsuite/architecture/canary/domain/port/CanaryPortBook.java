package dev.localdb.testsuite.architecture.canary.domain.port;

import dev.localdb.testsuite.architecture.canary.domain.CanaryValue;
import java.util.Optional;

/** Clean: a domain port, implemented by the clean storage adapter. */
public interface CanaryPortBook {
    Optional<CanaryValue> find(String project);
}
