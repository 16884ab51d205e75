package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.domain.allocation.BuiltInExclusions;
import dev.localdb.domain.model.PortRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code localdb config --json}: {"configFile", "configFileFound", "settings": {key: {"value",
 * "source", "sourceKind"}}, "ephemeralPorts": {"range", "source"}, "builtInExclusions": [{"ports", "reason"}]}.
 * Ranges and port lists are arrays of strings such as "3000-3999" or "8080"; builtInExclusions is
 * empty when useDefaultExclusions is false.
 */
public final class ConfigJson {
    private ConfigJson() {
    }

    public static void write(Configuration config, PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("configFile", config.file().toString());
            json.writeBooleanField("configFileFound", config.fileFound());
            json.writeObjectFieldStart("settings");
            for (Configuration.Effective value : config.values()) {
                json.writeObjectFieldStart(value.key().key());
                json.writeFieldName("value");
                writeValue(json, value.value());
                json.writeStringField("source", value.source().label());
                json.writeStringField("sourceKind", value.source().kind().label());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("ephemeralPorts");
            json.writeStringField("range", config.ephemeral().range().toString());
            json.writeStringField("source", config.ephemeral().source());
            json.writeEndObject();
            json.writeArrayFieldStart("builtInExclusions");
            if (config.usesDefaultExclusions()) {
                for (BuiltInExclusions.Exclusion exclusion : BuiltInExclusions.all()) {
                    json.writeStartObject();
                    json.writeArrayFieldStart("ports");
                    for (PortRange range : exclusion.ports().ranges()) {
                        json.writeString(range.size() == 1 ? range.first().toString() : range.toString());
                    }
                    json.writeEndArray();
                    json.writeStringField("reason", exclusion.reason());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                json.writeString(item.toString());
            }
            json.writeEndArray();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else {
            json.writeString(value.toString());
        }
    }
}
