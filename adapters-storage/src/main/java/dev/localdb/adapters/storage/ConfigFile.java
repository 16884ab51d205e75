package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.localdb.domain.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.localdb.adapters.storage.GuardedFile.CONFIG;

/**
 * Reads the user's {@code config.json} with the same care as the registry: no symbolic links, only
 * the user's own file that nobody else can write (else {@code ConfigUnusableException}, exit 4),
 * and strict JSON (else one line with the line and column, {@code InvalidInputException}, exit 2).
 * Uses Jackson's streaming parser: data binding would double a short command's start-up time.
 */
public final class ConfigFile {
    public static final String NAME = "config.json";
    static final int MAX_BYTES = 64 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(32).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Error messages name line and column, never quote the file's raw text.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private ConfigFile() {
    }

    /** Empty when there is no file: every setting keeps its default. */
    public static Optional<ConfigDocument> read(Path file) {
        String what = "Config file " + file;
        Optional<FileFacts> facts = StorageErrors.io(CONFIG, "inspect config file", file, () -> FileFacts.of(file));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        FileSafety.requireSafeFile(CONFIG, what, facts.get());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw StorageErrors.unusable(CONFIG, "read config file", file, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw invalid(what + " is larger than 64 KiB; it should hold a few settings, e.g. {\"portRanges\": [\"3000-3999\"]}.");
        }
        return Optional.of(new ConfigDocument(file, parse(what, bytes)));
    }

    private static Map<String, Object> parse(String what, byte[] bytes) {
        try (JsonParser json = FACTORY.createParser(bytes)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                // An empty file (e.g. just created with touch) sets nothing.
                return Map.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw invalid(what + " must hold one JSON object, e.g. {\"portRanges\": [\"3000-3999\"]}, not "
                        + describe(first) + ".");
            }
            Map<String, Object> values = object(json);
            if (json.nextToken() != null) {
                throw invalid(what + " has more after its JSON object at " + at(json.currentTokenLocation())
                        + "; remove it.");
            }
            return values;
        } catch (JsonProcessingException e) {
            throw invalid(what + " is not valid JSON at " + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage())
                    + ". Fix it, or move it away to use the defaults.");
        } catch (IOException e) {
            throw invalid(what + " cannot be parsed: " + firstLine(e.getMessage()) + ".");
        }
    }

    private static Map<String, Object> object(JsonParser json) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            values.put(key, value(json));
        }
        return values;
    }

    private static Object value(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case START_OBJECT -> object(json);
            case START_ARRAY -> array(json);
            case VALUE_STRING -> json.getText();
            case VALUE_NUMBER_INT -> json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? json.getBigIntegerValue() : (Object) json.getLongValue();
            case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static List<Object> array(JsonParser json) throws IOException {
        List<Object> values = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            values.add(value(json));
        }
        return values;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            default -> "null";
        };
    }

    private static String at(JsonLocation location) {
        return location == null ? "an unknown place" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's messages can span lines and quote raw input: keep one clean line. */
    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        // Jackson appends where it was reading ("(start marker at [Source: ...") which the line and column above already say.
        int source = line.indexOf(" (start marker at");
        line = source > 0 ? line.substring(0, source) : line;
        return StorageErrors.oneLine(line.length() > 160 ? line.substring(0, 160) + "..." : line);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(StorageErrors.oneLine(message));
    }
}
