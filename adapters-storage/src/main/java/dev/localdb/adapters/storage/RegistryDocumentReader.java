package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import dev.localdb.adapters.storage.RegistryJson.Document;
import dev.localdb.adapters.storage.RegistryJson.Entry;
import dev.localdb.adapters.storage.RegistryJson.NamedPort;
import dev.localdb.adapters.storage.RegistryJson.Owner;
import dev.localdb.domain.model.Printable;
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
                case "lastCleanup" -> lastCleanup = text("lastCleanup");
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
        requireStart(JsonToken.START_ARRAY, "allocations");
        List<Entry> entries = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            entries.add(entry("allocations[" + entries.size() + "]"));
        }
        return entries;
    }

    private Entry entry(String path) throws IOException, CorruptRegistryException {
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
                case "project" -> project = text(path + ".project");
                case "port" -> port = wholeNumber(path + ".port", NumberType.INT) ? json.getIntValue() : null;
                case "state" -> state = text(path + ".state");
                case "owner" -> owner = owner(path + ".owner");
                case "allocatedAt" -> allocatedAt = text(path + ".allocatedAt");
                case "namedPorts" -> namedPorts = namedPorts(path + ".namedPorts");
                default -> json.skipChildren();
            }
        }
        return new Entry(project, port, state, owner, allocatedAt, namedPorts);
    }

    /** {@code {"api": 3001, ...}}; a port that is not a whole number is damage, null is left for the caller. */
    private List<NamedPort> namedPorts(String path) throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireStart(JsonToken.START_OBJECT, path);
        List<NamedPort> named = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            // The name is text from a file: escaped before it appears in a message.
            Integer port = wholeNumber(path + "." + Printable.of(name), NumberType.INT) ? json.getIntValue() : null;
            named.add(new NamedPort(name, port));
        }
        return named;
    }

    private Owner owner(String path) throws IOException, CorruptRegistryException {
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
                case "pid" -> pid = wholeNumber(path + ".pid", NumberType.LONG) ? json.getLongValue() : null;
                case "startTime" -> startTime = wholeNumber(path + ".startTime", NumberType.LONG) ? json.getLongValue() : null;
                case "bootId" -> bootId = text(path + ".bootId");
                default -> json.skipChildren();
            }
        }
        return new Owner(pid, startTime, bootId);
    }

    /** A JSON string, or null; never a number or boolean turned into text. */
    private String text(String path) throws IOException, CorruptRegistryException {
        return switch (json.currentToken()) {
            case VALUE_STRING -> json.getText();
            case VALUE_NULL -> null;
            default -> throw wrongType(path);
        };
    }

    /**
     * True for a JSON integer that fits {@code widest} (INT or LONG), false for null; never a
     * quoted number, a fraction (not even 3000.0) or a number too large for the field.
     */
    private boolean wholeNumber(String path, NumberType widest) throws IOException, CorruptRegistryException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(path);
        }
        NumberType type = json.getNumberType();
        if (type == NumberType.INT || type == widest) {
            return true;
        }
        throw wrongType(path);
    }

    private void requireStart(JsonToken expected, String path) throws CorruptRegistryException {
        if (json.currentToken() != expected) {
            throw wrongType(path);
        }
    }

    private static CorruptRegistryException wrongType(String path) {
        return new CorruptRegistryException(path + " has the wrong type");
    }
}
