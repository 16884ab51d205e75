package dev.localdb.testsuite.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a project's reservation into a stale allocation: an owner process that has already exited (as after a crash). */
final class DeadOwner {
    private DeadOwner() {
    }

    static void give(Path home, String project) throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        ObjectNode registry = (ObjectNode) RegistryFile.read(home);
        registry.withArray("allocations").forEach(entry -> {
            if (entry.get("project").asText().equals(project)) {
                ObjectNode owner = ((ObjectNode) entry).putObject("owner");
                owner.put("pid", child.pid());
                owner.put("startTime", 1L);
                owner.put("bootId", bootId);
            }
        });
        // Rewritten in place: the file keeps its 0600.
        Files.writeString(RegistryFile.path(home), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(registry));
    }
}
