package dev.localdb.testsuite.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the registry file the way a user would inspect it: as plain JSON. */
public final class RegistryFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryFile() {
    }

    public static Path path(Path home) {
        return home.resolve("runtime/.port-registry.json");
    }

    public static JsonNode read(Path home) throws IOException {
        return JSON.readTree(Files.readString(path(home)));
    }

    public static List<JsonNode> allocations(Path home) throws IOException {
        List<JsonNode> list = new ArrayList<>();
        read(home).get("allocations").forEach(list::add);
        return list;
    }

    public static JsonNode allocation(Path home, String project) throws IOException {
        return allocations(home).stream().filter(a -> a.get("project").asText().equals(project)).findFirst()
                .orElseThrow(() -> new AssertionError("no allocation for " + project));
    }
}
