package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The first pass over a registry file: reads the whole document, every value as a tree reader
 * would (so invalid text, duplicate keys, deep nesting or trailing content anywhere is noticed,
 * even in fields this version does not know), and notes the top-level schemaVersion wherever
 * it appears.
 */
final class RegistrySyntax {

    /**
     * @param isObject     whether the document is a JSON object
     * @param version      the token of the top-level schemaVersion value; null when there is none
     * @param versionValue its value when it is a JSON integer that fits an int, else 0
     */
    record Root(boolean isObject, JsonToken version, int versionValue) {
    }

    private RegistrySyntax() {
    }

    /** @throws IOException when the bytes are not one well-formed JSON value within the registry's limits */
    static Root check(byte[] bytes) throws IOException, CorruptRegistryException {
        try (JsonParser json = RegistryJson.FACTORY.createParser(bytes)) {
            JsonToken token = json.nextToken();
            boolean isObject = token == JsonToken.START_OBJECT;
            JsonToken version = null;
            int versionValue = 0;
            boolean versionNext = false;
            int depth = 0;
            do {
                if (versionNext) {
                    version = token;
                    versionValue = token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == NumberType.INT ? json.getIntValue() : 0;
                    versionNext = false;
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> versionNext = depth == 1 && isObject && json.currentName().equals("schemaVersion");
                    case VALUE_STRING -> json.getText();
                    case VALUE_NUMBER_INT -> json.getNumberValue();
                    case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                    default -> {
                        // true, false and null carry nothing more to check
                    }
                }
            } while (depth > 0 && (token = json.nextToken()) != null);
            if (json.nextToken() != null) {
                throw new CorruptRegistryException("there is more after the JSON object");
            }
            return new Root(isObject, version, versionValue);
        }
    }
}
