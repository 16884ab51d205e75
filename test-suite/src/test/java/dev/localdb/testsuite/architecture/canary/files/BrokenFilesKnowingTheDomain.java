package dev.localdb.testsuite.architecture.canary.files;

import dev.localdb.testsuite.architecture.canary.domain.CanaryValue;
import java.nio.file.Path;

/** Broken: a file helper that knows a domain value, so the adapters, the server and the proxy could not share it as plain JDK code. */
public final class BrokenFilesKnowingTheDomain {
    public Path fileFor(CanaryValue value) {
        return Path.of(String.valueOf(value));
    }
}
