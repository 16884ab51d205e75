package dev.localdb.testsuite.architecture.canary.junit;

import dev.localdb.testsuite.architecture.canary.adapters.os.CanaryOsAdapter;
import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import dev.localdb.testsuite.architecture.canary.domain.port.CanaryPortBook;
import java.nio.file.Path;

/** Clean: the JUnit extension is a second composition root and may name adapters too. */
public final class CanaryJunitExtension {
    public boolean portFor(String test) {
        CanaryPortBook book = new CanaryStorageAdapter(Path.of("registry.json"));
        return book.find(test).isPresent() && new CanaryOsAdapter().isAlive(1);
    }
}
