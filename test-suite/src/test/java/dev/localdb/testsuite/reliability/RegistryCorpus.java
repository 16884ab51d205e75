package dev.localdb.testsuite.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Damaged registries: a real one written by localdb, then broken in every way the reliability
 * notes list (empty, cut short, garbage, wrong types, duplicate and out-of-range ports, deep
 * nesting, over 1 MiB). Each comes with a phrase its warning must contain.
 */
final class RegistryCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param reason a phrase of the one-line warning that explains this damage */
    record Damage(String name, byte[] bytes, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RegistryCorpus() {
    }

    /**
     * A registry as localdb writes it, with reservations, a released entry, a cleanup time and an
     * entry owned by a live process (this JVM, standing in for a server), made by the CLI and the
     * real store in a scratch home.
     */
    static byte[] realRegistry(Path scratch, int firstPort) throws IOException {
        Path home = scratch.resolve("seed-home");
        InProcessLocalDb cli = new InProcessLocalDb(home, scratch).env("LOCALDB_PORT_RANGES", firstPort + "-" + (firstPort + 9));
        for (String[] args : new String[][] {{"port", "alpha"}, {"port", "beta"}, {"port", "gamma"}, {"release", "beta"},
                {"ports", "--cleanup"}}) {
            var result = cli.run(args);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("seeding the registry failed: " + result);
            }
        }
        Allocation served = Allocation.held(ProjectName.of("served"), PortNumber.of(firstPort + 9),
                Optional.of(new ProcFsProcessInspector().current()), Instant.now());
        new JsonFileRegistryStore(home.resolve("runtime"), warning -> { })
                .update(current -> new Outcome<>(current.with(served), null));
        return Files.readAllBytes(RegistryFile.path(home));
    }

    static List<Damage> damages(byte[] real) throws IOException {
        List<Damage> corpus = new ArrayList<>();
        corpus.add(new Damage("empty", new byte[0], "the file is empty"));
        corpus.add(new Damage("only blank lines", bytes("\n \n\t\n"), "the file is empty"));
        corpus.add(new Damage("garbage text", bytes("registry? what registry"), "not valid JSON at line 1"));
        corpus.add(new Damage("random bytes", randomBytes(4096), "not valid JSON"));
        corpus.add(new Damage("NUL bytes", new byte[512], "not valid JSON"));
        corpus.add(new Damage("terminal escapes", bytes("\u001b[2J\u001b[31mboom\u001b[0m"), "not valid JSON"));
        corpus.add(new Damage("truncated at byte 1", Arrays.copyOf(real, 1), "not valid JSON"));
        corpus.add(new Damage("truncated in the middle", Arrays.copyOf(real, real.length / 2), "not valid JSON"));
        corpus.add(new Damage("truncated before the last brace", Arrays.copyOf(real, real.length - 2), "not valid JSON"));
        corpus.add(new Damage("a JSON array", bytes("[]"), "it is not a JSON object"));
        corpus.add(new Damage("trailing content", concat(real, bytes("{}")), "there is more after the JSON object"));
        corpus.add(new Damage("duplicate key", bytes("{\"schemaVersion\":1,\"allocations\":[],\"allocations\":[]}"), "not valid JSON"));
        corpus.add(new Damage("wrong type: schemaVersion as text", edit(real, r -> r.put("schemaVersion", "1")),
                "schemaVersion is not a positive whole number"));
        corpus.add(new Damage("wrong type: allocations as object", edit(real, r -> r.putObject("allocations")),
                "allocations has the wrong type"));
        corpus.add(new Damage("wrong type: port as text", edit(real, r -> entry(r, 0).put("port", "3000")),
                "allocations[0].port has the wrong type"));
        corpus.add(new Damage("wrong type: project as number", edit(real, r -> entry(r, 1).put("project", 7)),
                "allocations[1].project has the wrong type"));
        corpus.add(new Damage("wrong type: owner as list", edit(real, r -> entry(r, 0).putArray("owner")),
                "allocations[0].owner has the wrong type"));
        corpus.add(new Damage("duplicate ports", edit(real, r -> entry(r, 2).put("port", entry(r, 0).get("port").asInt())),
                "is held by both"));
        corpus.add(new Damage("port 0", edit(real, r -> entry(r, 0).put("port", 0)), "Invalid port 0"));
        corpus.add(new Damage("port 70000", edit(real, r -> entry(r, 0).put("port", 70000)), "Invalid port 70000"));
        corpus.add(new Damage("negative port", edit(real, r -> entry(r, 0).put("port", -1)), "Invalid port -1"));
        corpus.add(new Damage("a path as project name", edit(real, r -> entry(r, 0).put("project", "../../etc")),
                "Invalid project name"));
        corpus.add(new Damage("deeply nested", bytes("{\"schemaVersion\":1,\"allocations\":[],\"x\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}"), "nested more than 64 levels"));
        corpus.add(new Damage("over 1 MiB", oversized(real), "larger than 1 MiB"));
        return corpus;
    }

    /** The same registry, written by a newer localdb: schema 3 with a field this version does not know. */
    static byte[] newerSchema(byte[] real) throws IOException {
        return edit(real, r -> {
            r.put("schemaVersion", 3);
            r.putObject("mirrors").put("team", "https://example.invalid");
        });
    }

    /** Writes the registry as localdb would find it: a 0700 runtime folder, a 0600 file. */
    static Path write(Path home, byte[] content) throws IOException {
        Path data = RegistryFile.path(home);
        Files.createDirectories(data.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.deleteIfExists(data);
        Files.createFile(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(data, content, StandardOpenOption.TRUNCATE_EXISTING);
        return data;
    }

    private static ObjectNode entry(ObjectNode registry, int index) {
        return (ObjectNode) registry.get("allocations").get(index);
    }

    private static byte[] edit(byte[] real, Consumer<ObjectNode> change) throws IOException {
        ObjectNode registry = (ObjectNode) JSON.readTree(real);
        change.accept(registry);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(registry);
    }

    /** A registry that is valid JSON with valid entries, only far too many of them. */
    private static byte[] oversized(byte[] real) throws IOException {
        return edit(real, r -> {
            ArrayNode allocations = r.putArray("allocations");
            for (int i = 0; i < 9000; i++) {
                allocations.addObject().put("project", "project-" + i).put("port", 1 + i).put("state", "released")
                        .putNull("owner").put("allocatedAt", "2025-01-02T03:04:05Z");
            }
        });
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(4).nextBytes(bytes);
        bytes[0] = '#'; // whatever follows, the first byte already makes it invalid JSON
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
