package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The registry's file format, schema 1. The domain classes carry no Jackson annotations: these
 * records are the file's shape, and {@link RegistryParser} turns them back into domain values.
 */
final class RegistryJson {
    static final int SCHEMA_VERSION = 1;
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_NESTING = 64;

    record Document(Integer schemaVersion, String lastCleanup, List<Entry> allocations) {
    }

    record Entry(String project, Integer port, String state, Owner owner, String allocatedAt) {
    }

    record Owner(Long pid, Long startTime, String bootId) {
    }

    private RegistryJson() {
    }

    /** Built on first use only: the CLI pays for Jackson once per process, and only when it reads the registry. */
    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    static byte[] encode(Registry registry) {
        List<Entry> entries = registry.list().stream()
                .sorted(Comparator.comparing(Allocation::project))
                .map(RegistryJson::entry)
                .toList();
        Document document = new Document(SCHEMA_VERSION, registry.lastCleanup().map(Instant::toString).orElse(null), entries);
        try {
            byte[] json = Holder.WRITER.writeValueAsBytes(document);
            byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not encode the registry", e);
        }
    }

    /**
     * Loads and exercises the mapper before the caller takes the registry lock: a cold Jackson
     * costs a fresh JVM hundreds of milliseconds, which must not be spent while others wait.
     */
    static void warmUp() {
        Holder.WARM.hashCode();
    }

    private static Entry entry(Allocation allocation) {
        Owner owner = allocation.owner()
                .map(o -> new Owner(o.pid(), o.startTime(), o.bootId()))
                .orElse(null);
        return new Entry(allocation.project().value(), allocation.port().value(),
                allocation.isHeld() ? "held" : "released", owner, allocation.allocatedAt().toString());
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = build();
        static final ObjectWriter WRITER = MAPPER.writerFor(Document.class).with(prettyPrinter());
        static final Object WARM = roundTrip();

        private static Object roundTrip() {
            Registry sample = Registry.EMPTY.with(new Allocation(dev.localdb.domain.model.ProjectName.of("warm-up"),
                    dev.localdb.domain.model.PortNumber.of(3000), dev.localdb.domain.model.AllocationState.HELD,
                    java.util.Optional.of(new dev.localdb.domain.model.ProcessIdentity(1, 1, "boot")), Instant.EPOCH));
            try {
                return RegistryParser.toRegistry(RegistryParser.parse(encode(sample)));
            } catch (CorruptRegistryException e) {
                throw new IllegalStateException("The registry format cannot read what it writes", e);
            }
        }

        private static ObjectMapper build() {
            JsonFactory factory = JsonFactory.builder()
                    // Deep nesting is damage, not a reason to overflow the stack.
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(32)
                            .maxStringLength(MAX_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();
            // Strict on types (no "3000" for 3000, no 3000.5), tolerant of fields a later version may add.
            return JsonMapper.builder(factory)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .withCoercionConfig(LogicalType.Textual, text -> text
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                    .build();
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
}
