package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's file format, schemas 1 and 2, written and read with Jackson's streaming API: a
 * short-lived CLI process would otherwise spend most of its life starting Jackson's data binding.
 * The records are the file's shape as {@link RegistryDocumentReader} reads it; {@link RegistryParser}
 * turns them into domain values.
 *
 * <p>Schema 2 adds {@code namedPorts} to an entry. An older localdb skips fields it does not know,
 * so it would take such a file for one without named ports and could hand those ports to another
 * project, or drop them when it writes. The version tells it not to: a file is written as schema 2
 * exactly when some entry has named ports, and older versions read a newer schema with a warning
 * and never write it. Without named ports the file stays schema 1, readable and writable by them.
 */
final class RegistryJson {
    /** The newest schema this version reads and writes. */
    static final int SCHEMA_VERSION = 2;
    /** The schema of a registry without named ports: exactly what localdb before named ports wrote. */
    static final int SCHEMA_WITHOUT_NAMED_PORTS = 1;
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_NESTING = 64;

    /** Strict reading: damage such as deep nesting or a duplicate key is an error, not something to guess about. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            // Deep nesting is damage, not a reason to overflow the stack.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(32)
                    .maxStringLength(MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    record Document(int schemaVersion, String lastCleanup, List<Entry> allocations) {
    }

    /** @param namedPorts the entry's named ports as they appear in the file, in file order; null when absent */
    record Entry(String project, Integer port, String state, Owner owner, String allocatedAt, List<NamedPort> namedPorts) {
    }

    /** One member of an entry's {@code namedPorts} object; the port is null when the file has null. */
    record NamedPort(String name, Integer port) {
    }

    record Owner(Long pid, Long startTime, String bootId) {
    }

    private RegistryJson() {
    }

    /** The file's bytes: sorted by project, two-space indentation, '\n' line ends, a final newline. */
    static byte[] encode(Registry registry) {
        List<Allocation> sorted = registry.list(); // in project order, as the file wants them
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + 192 * sorted.size());
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            writeHeader(json, registry);
            for (Allocation allocation : sorted) {
                writeEntry(json, allocation);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the registry", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** What {@link #encode} writes after the last entry of a registry that has entries. */
    static final byte[] TAIL = "\n  ]\n}\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * What {@link #encode} writes before the first entry of a registry that has entries: up to and
     * including the {@code [} of {@code allocations}.
     */
    static byte[] header(Registry registry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            writeHeader(json, registry);
            json.flush();
            return bytes.toByteArray(); // closing the generator then appends "]}", which is not kept
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the registry", e);
        }
    }

    /**
     * Each entry's bytes exactly as {@link #encode} writes it inside {@code allocations}, from the
     * line break before its {@code {} to its {@code }}; in the file, entries are joined by ','. The
     * entries are written at the depth they have in the file, so the indentation is the same.
     */
    static List<byte[]> entries(List<Allocation> allocations) {
        List<byte[]> entries = new ArrayList<>(allocations.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(192 * allocations.size() + 32);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeArrayFieldStart("allocations");
            json.flush();
            for (Allocation allocation : allocations) {
                bytes.reset(); // the generator has flushed everything before this entry
                writeEntry(json, allocation);
                json.flush();
                byte[] written = bytes.toByteArray();
                // The separator the generator writes before every entry but the first is not part of the entry.
                entries.add(written[0] == ',' ? Arrays.copyOfRange(written, 1, written.length) : written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the registry", e);
        }
        return entries;
    }

    /** Everything before the first entry, up to the '[' of allocations. */
    private static void writeHeader(JsonGenerator json, Registry registry) throws IOException {
        json.setPrettyPrinter(prettyPrinter());
        json.writeStartObject();
        json.writeNumberField("schemaVersion", schemaOf(registry));
        json.writeStringField("lastCleanup", registry.lastCleanup().map(UtcTimes::format).orElse(null));
        json.writeArrayFieldStart("allocations");
    }

    /** The lowest schema that describes the registry, so that older versions keep every file they can understand. */
    static int schemaOf(Registry registry) {
        return registry.anyNamedPorts() ? SCHEMA_VERSION : SCHEMA_WITHOUT_NAMED_PORTS;
    }

    /**
     * Runs the write and read paths once on a sample before the caller takes the registry lock: in
     * a fresh JVM their first run (loading and initialising the reader, the writer, the records
     * they build and Jackson's parser) costs milliseconds that must not be spent while others wait.
     */
    static void warmUp() {
        WarmUp.DONE.hashCode();
    }

    private static void writeEntry(JsonGenerator json, Allocation allocation) throws IOException {
        json.writeStartObject();
        json.writeStringField("project", allocation.project().value());
        json.writeNumberField("port", allocation.port().value());
        json.writeStringField("state", allocation.isHeld() ? "held" : "released");
        json.writeFieldName("owner");
        if (allocation.owner().isPresent()) {
            ProcessIdentity owner = allocation.owner().get();
            json.writeStartObject();
            json.writeNumberField("pid", owner.pid());
            json.writeNumberField("startTime", owner.startTime());
            json.writeStringField("bootId", owner.bootId());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        json.writeStringField("allocatedAt", UtcTimes.format(allocation.allocatedAt()));
        if (!allocation.namedPorts().isEmpty()) {
            // Only when there are some: an entry without named ports is byte for byte a schema 1 entry.
            json.writeObjectFieldStart("namedPorts");
            for (Map.Entry<PortName, PortNumber> named : allocation.namedPorts().entrySet()) {
                json.writeNumberField(named.getKey().value(), named.getValue().value());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static final class WarmUp {
        static final Boolean DONE = roundTrip();

        private static Boolean roundTrip() {
            Registry sample = Registry.of(List.of(Allocation.held(ProjectName.of("warm-up"), PortNumber.of(3000),
                    Optional.of(new ProcessIdentity(1, 1, "boot")), Instant.EPOCH)
                    .withNamedPorts(Map.of(PortName.of("warm-up"), PortNumber.of(3001)))), Optional.of(Instant.EPOCH));
            try {
                if (!RegistryParser.toRegistry(RegistryParser.parse(encode(sample))).equals(sample)) {
                    throw new IllegalStateException("The registry format does not read back what it writes");
                }
            } catch (CorruptRegistryException e) {
                throw new IllegalStateException("The registry format cannot read what it writes", e);
            }
            return Boolean.TRUE;
        }
    }

    /** Two-space indentation, one element per line, '\n' everywhere: stable, readable diffs. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
