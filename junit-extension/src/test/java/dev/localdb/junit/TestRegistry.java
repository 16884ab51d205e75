package dev.localdb.junit;

import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.model.Allocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** What the registry in a home holds now, read the way the cli reads it (no lock, no write). */
final class TestRegistry {
    private TestRegistry() {
    }

    /** Every entry by project name. */
    static Map<String, Allocation> entries(Path home) {
        Map<String, Allocation> byName = new TreeMap<>();
        new JsonFileRegistryStore(home.resolve("runtime"), warning -> {
            throw new AssertionError("Unexpected registry warning: " + warning);
        }).read().list().forEach(a -> byName.put(a.project().value(), a));
        return byName;
    }

    static Path homeOfThisScenario() {
        return Path.of(System.getProperty(HomeLocation.PROPERTY));
    }
}
