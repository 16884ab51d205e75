package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import dev.localdb.adapters.storage.RegistryJson.Document;
import dev.localdb.adapters.storage.RegistryJson.Entry;
import dev.localdb.adapters.storage.RegistryJson.NamedPort;
import dev.localdb.adapters.storage.RegistryJson.Owner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a registry document that {@link RegistryParser#parse} already found to be sound JSON onto
 * the file's records, strictly: a value of the wrong JSON type ("3000" or 3000.5 for a port, 7 for
 * a name, a list for an owner) is damage, named by its path, e.g. {@code allocations[0].port};
 * JSON null or a missing field is left null for the caller to judge; unknown fields are skipped,
 * so a file from a newer version can still be read.
 */
final class RegistryDocumentReader {
    private final JsonParser json;

    private RegistryDocumentReader(JsonParser json) {
        this.json = json;
    }

    static Document read(byte[] bytes, int schemaVersion) throws IOException, CorruptRegistryException {
        try (JsonParser json = RegistryJson.FACTORY.createParser(bytes)) {
            json.nextToken();
            return new RegistryDocumentReader(json).document(schemaVersion);
        }
    }

    private Document document(int schemaVersion) throws IOException, CorruptRegistryException {
        String lastCleanup = null;
        List<Entry> allocations = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "lastCleanup" -> lastCleanup = text(null, "lastCleanup");
                case "allocations" -> allocations = allocations();
                default -> json.skipChildren();
            }
        }
        return new Document(schemaVersion, lastCleanup, allocations);
    }

    private List<Entry> allocations() throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        FieldPath allocations = FieldPath.top("allocations");
        requireStart(JsonToken.START_ARRAY, allocations);
        List<Entry> entries = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            entries.add(entry(allocations.element(entries.size())));
        }
        return entries;
    }

    private Entry entry(FieldPath path) throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireStart(JsonToken.START_OBJECT, path);
        String project = null;
        Integer port = null;
        String state = null;
        Owner owner = null;
        String allocatedAt = null;
        List<NamedPort> namedPorts = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "project" -> project = text(path, field);
                case "port" -> port = wholeNumber(path, field, NumberType.INT) ? json.getIntValue() : null;
                case "state" -> state = text(path, field);
                case "owner" -> owner = owner(path.field(field));
                case "allocatedAt" -> allocatedAt = text(path, field);
                case "namedPorts" -> namedPorts = namedPorts(path.field(field));
                default -> json.skipChildren();
            }
        }
        return new Entry(project, port, state, owner, allocatedAt, namedPorts);
    }

    /** {@code {"api": 3001, ...}}; a port that is not a whole number is damage, null is left for the caller. */
    private List<NamedPort> namedPorts(FieldPath path) throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireStart(JsonToken.START_OBJECT, path);
        List<NamedPort> named = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            Integer port = wholeNumber(path, name, NumberType.INT) ? json.getIntValue() : null;
            named.add(new NamedPort(name, port));
        }
        return named;
    }

    private Owner owner(FieldPath path) throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireStart(JsonToken.START_OBJECT, path);
        Long pid = null;
        Long startTime = null;
        String bootId = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "pid" -> pid = wholeNumber(path, field, NumberType.LONG) ? json.getLongValue() : null;
                case "startTime" -> startTime = wholeNumber(path, field, NumberType.LONG) ? json.getLongValue() : null;
                case "bootId" -> bootId = text(path, field);
                default -> json.skipChildren();
            }
        }
        return new Owner(pid, startTime, bootId);
    }

    /** The value of {@code field} of {@code parent} (null: the top level) as a JSON string, or null; never a number or boolean turned into text. */
    private String text(FieldPath parent, String field) throws IOException, CorruptRegistryException {
        return switch (json.currentToken()) {
            case VALUE_STRING -> json.getText();
            case VALUE_NULL -> null;
            default -> throw wrongType(parent == null ? FieldPath.top(field) : parent.field(field));
        };
    }

    /**
     * True for a JSON integer that fits {@code widest} (INT or LONG), false for null; never a
     * quoted number, a fraction (not even 3000.0) or a number too large for the field.
     */
    private boolean wholeNumber(FieldPath parent, String field, NumberType widest) throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(parent.field(field));
        }
        NumberType type = json.getNumberType();
        if (type == NumberType.INT || type == widest) {
            return true;
        }
        throw wrongType(parent.field(field));
    }

    private void requireStart(JsonToken expected, FieldPath path) throws CorruptRegistryException {
        if (json.currentToken() != expected) {
            throw wrongType(path);
        }
    }

    private static CorruptRegistryException wrongType(FieldPath path) {
        return new CorruptRegistryException(path + " has the wrong type");
    }
}
