package dev.localdb.adapters.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shape of {@code project.json}: {@code {"name", "preferredPort"|null, "command"|null,
 * "workingDirectory"|null, "createdAt", "portNames"}} with createdAt as ISO-8601 and portNames (a list
 * of names, left out when empty) for the extra ports of {@code --port-name}. The domain record carries no
 * Jackson annotations; the private record below is the file's shape. Unknown fields are ignored so
 * that an older localdb can read a project a newer one wrote.
 */
final class ProjectJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** portNames is written only when there are some: a project without them has the same file as before. */
    @JsonPropertyOrder({"name", "preferredPort", "command", "workingDirectory", "createdAt", "portNames"})
    private record ProjectFile(String name, Integer preferredPort, String command, String workingDirectory,
                               String createdAt, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> portNames) {
    }

    private ProjectJson() {
    }

    static byte[] encode(ProjectConfig config) {
        ProjectFile file = new ProjectFile(config.name().value(), config.preferredPort().map(PortNumber::value).orElse(null),
                config.command().orElse(null), config.workingDirectory().orElse(null), config.createdAt().toString(),
                config.portNames().stream().map(PortName::value).toList());
        try {
            return (MAPPER.writeValueAsString(file) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("A project always serialises", e);
        }
    }

    /**
     * Reads a project's file.
     *
     * @param expected the folder's name, which the file must repeat (a copied folder would otherwise be two projects)
     * @throws Damaged with a reason a user can act on
     */
    static ProjectConfig decode(byte[] json, ProjectName expected) {
        ProjectFile file;
        try {
            file = MAPPER.readValue(json, ProjectFile.class);
        } catch (StreamReadException e) {
            throw new Damaged(json.length == 0 ? "it is empty" : "it is not valid JSON, see line "
                    + e.getLocation().getLineNr());
        } catch (JsonMappingException e) {
            throw new Damaged(json.length == 0 ? "it is empty" : "unexpected value for \"" + field(e) + "\"");
        } catch (IOException e) {
            throw new Damaged("it cannot be parsed");
        }
        if (file == null) {
            throw new Damaged("it holds no project");
        }
        return toConfig(file, expected);
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
                    Instant.parse(file.createdAt()), portNames);
        } catch (DateTimeParseException e) {
            throw new Damaged("\"createdAt\" is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        } catch (InvalidInputException e) {
            throw new Damaged(e.getMessage());
        }
    }

    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(the whole file)" : path;
    }

    /** The file is readable but its content is wrong; the reason is shown to the user. */
    static final class Damaged extends RuntimeException {
        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }
}
