package dev.localdb.testsuite.architecture.canary.adapters.os;

import dev.localdb.testsuite.architecture.canary.adapters.storage.CanaryStorageAdapter;
import java.nio.file.Path;

/** Broken: the OS adapter uses the storage adapter. */
public final class BrokenOsAdapterReadingTheRegistry {
    public boolean known(String project) {
        return new CanaryStorageAdapter(Path.of("registry.json")).find(project).isPresent();
    }
}
