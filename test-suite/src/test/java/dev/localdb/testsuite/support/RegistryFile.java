package dev.localdb.testsuite.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The project's entry while a test polls: empty when there is none yet, or no registry file yet (or a half-read one). */
    public static Optional<JsonNode> entryWhilePolling(Path home, String project) {
        try {
            return allocations(home).stream().filter(a -> a.path("project").asText().equals(project)).findFirst();
        } catch (IOException notWrittenYet) {
            return Optional.empty();
        }
    }

    /**
     * Hand-edits the project's entry to name {@code pid} (with its real start time and this boot, as the platform mode under test records them)
     * as its owner, as a damaged or planted registry would.
     */
    public static void giveOwner(Path home, String project, long pid) throws IOException {
        long startTicks;
        String bootId;
        if (PlatformUnderTest.portable()) {
            // As the portable mode identifies it: ProcessHandle's start instant, no boot.
            startTicks = ProcessHandle.of(pid).orElseThrow().info().startInstant().orElseThrow().toEpochMilli();
            bootId = "boot-unknown";
        } else {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            startTicks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
            bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        }
        ObjectNode registry = (ObjectNode) read(home);
        registry.withArray("allocations").forEach(a -> {
            if (a.get("project").asText().equals(project)) {
                ObjectNode owner = ((ObjectNode) a).putObject("owner");
                owner.put("pid", pid);
                owner.put("startTime", startTicks);
                owner.put("bootId", bootId);
            }
        });
        Files.writeString(path(home), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(registry));
    }
}
