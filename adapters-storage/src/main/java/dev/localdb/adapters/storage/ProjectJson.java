package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shape of {@code project.json}: {@code {"name", "preferredPort"|null, "command"|null,
 * "workingDirectory"|null, "createdAt", "portNames", "onDemand"}} with createdAt as ISO-8601, portNames (a
 * list of names, left out when empty) for the extra ports of {@code --port-name}, and onDemand
 * ({@code true}, left out when false) for {@code --on-demand}. Unknown fields are ignored so that an
 * older localdb can read a project a newer one wrote.
 *
 * <p>Read and written with Jackson's streaming API, like the registry: {@code start}, {@code status}
 * and {@code open} read this file, and Jackson databind's first use cost them several hundred
 * milliseconds of start-up for five fields. The bytes are the ones databind wrote (its pretty
 * printer is the generator's default one).
 */
final class ProjectJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ProjectJson() {
    }

    static byte[] encode(ProjectConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("name", config.name().value());
            json.writeFieldName("preferredPort");
            if (config.preferredPort().isPresent()) {
                json.writeNumber(config.preferredPort().get().value());
            } else {
                json.writeNull();
            }
            writeStringOrNull(json, "command", config.command());
            writeStringOrNull(json, "workingDirectory", config.workingDirectory());
            json.writeStringField("createdAt", config.createdAt().toString());
            // Written only when there are some: a project without them has the same file as before.
            if (!config.portNames().isEmpty()) {
                json.writeArrayFieldStart("portNames");
                for (PortName name : config.portNames()) {
                    json.writeString(name.value());
                }
                json.writeEndArray();
            }
            if (config.onDemand()) {
                json.writeBooleanField("onDemand", true);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("A project always serialises to memory", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeStringOrNull(JsonGenerator json, String field, Optional<String> value) throws IOException {
        json.writeFieldName(field);
        if (value.isPresent()) {
            json.writeString(value.get());
        } else {
            json.writeNull();
        }
    }

    /**
     * Reads a project's file.
     *
     * @param expected the folder's name, which the file must repeat (a copied folder would otherwise be two projects)
     * @throws Damaged with a reason a user can act on
     */
    static ProjectConfig decode(byte[] json, ProjectName expected) {
        if (json.length == 0) {
            throw new Damaged("it is empty");
        }
        ProjectFile file;
        try (JsonParser parser = FACTORY.createParser(json)) {
            file = read(parser);
        } catch (StreamReadException e) {
            throw new Damaged("it is not valid JSON, see line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new Damaged("it cannot be parsed");
        }
        if (file == null) {
            throw new Damaged("it holds no project");
        }
        return toConfig(file, expected);
    }

    /** The file's fields as written; null for a field that is absent or null. */
    private record ProjectFile(String name, Integer preferredPort, String command, String workingDirectory,
                               String createdAt, List<String> portNames, boolean onDemand) {
    }

    /** The top-level object, or null for a file that holds the JSON value {@code null}. */
    private static ProjectFile read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new Damaged("it is empty");
        }
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new Damaged("unexpected value for \"(the whole file)\"");
        }
        String name = null;
        Integer preferredPort = null;
        String command = null;
        String workingDirectory = null;
        String createdAt = null;
        List<String> portNames = null;
        boolean onDemand = false;
        // A field given twice: the last one wins, as it did with databind.
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = string(parser, value, field);
                case "preferredPort" -> preferredPort = wholeNumber(parser, value);
                case "command" -> command = string(parser, value, field);
                case "workingDirectory" -> workingDirectory = string(parser, value, field);
                case "createdAt" -> createdAt = string(parser, value, field);
                case "portNames" -> portNames = strings(parser, value);
                case "onDemand" -> onDemand = flag(value, field);
                default -> parser.skipChildren(); // a field of a newer localdb
            }
        }
        return new ProjectFile(name, preferredPort, command, workingDirectory, createdAt, portNames, onDemand);
    }

    /** A string, or null for JSON null. */
    private static String string(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new Damaged("unexpected value for \"" + field + "\"");
        }
        return parser.getText();
    }

    /** true or false; JSON null is false, as an absent field is. */
    private static boolean flag(JsonToken value, String field) {
        if (value == JsonToken.VALUE_NULL) {
            return false;
        }
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new Damaged("unexpected value for \"" + field + "\" (give true or false)");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    /** An int, or null for JSON null. */
    private static Integer wholeNumber(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new Damaged("unexpected value for \"preferredPort\"");
        }
        return parser.getIntValue();
    }

    /** A list of strings (an element may be null: PortName says what is wrong with it), or null for JSON null. */
    private static List<String> strings(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new Damaged("unexpected value for \"portNames\"");
        }
        List<String> names = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            names.add(string(parser, element, "portNames"));
        }
        return names;
    }

    private static ProjectConfig toConfig(ProjectFile file, ProjectName expected) {
        if (file.name() == null) {
            throw new Damaged("\"name\" is missing");
        }
        if (!file.name().equals(expected.value())) {
            throw new Damaged("it names project \"" + file.name() + "\" but lies in folder \"" + expected + "\"");
        }
        if (file.createdAt() == null) {
            throw new Damaged("\"createdAt\" is missing");
        }
        try {
            List<PortName> portNames = file.portNames() == null ? List.of()
                    : file.portNames().stream().map(PortName::new).toList();
            return new ProjectConfig(expected, Optional.ofNullable(file.preferredPort()).map(PortNumber::of),
                    Optional.ofNullable(file.command()), Optional.ofNullable(file.workingDirectory()),
                    UtcTimes.parse(file.createdAt()), portNames, file.onDemand());
        } catch (DateTimeParseException e) {
            throw new Damaged("\"createdAt\" is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        } catch (InvalidInputException e) {
            throw new Damaged(e.getMessage());
        }
    }

    /** The file is readable but its content is wrong; the reason is shown to the user. */
    static final class Damaged extends RuntimeException {
        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }
}
