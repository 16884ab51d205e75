package dev.localdb.testsuite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Simulates a server that died: gives an allocation an owner process that has already exited. */
final class StaleOwner {
    private StaleOwner() {
    }

    static long makeOwnerDead(Path home, String project) throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        long deadPid = child.pid();
        String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        ObjectNode registry = (ObjectNode) RegistryFile.read(home);
        registry.withArray("allocations").forEach(a -> {
            if (a.get("project").asText().equals(project)) {
                ObjectNode owner = ((ObjectNode) a).putObject("owner");
                owner.put("pid", deadPid);
                owner.put("startTime", 1L);
                owner.put("bootId", bootId);
            }
        });
        Files.writeString(RegistryFile.path(home), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(registry));
        return deadPid;
    }
}
