package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.domain.allocation.RegistryView;
import dev.localdb.domain.model.Allocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.OptionalInt;

/**
 * {@code localdb ports --json}: {"allocations":[{"project","port","pid","state","allocatedAt","namedPorts"}],
 * "lastCleanup"} (plus "cleaned" with --cleanup). Times are ISO-8601 UTC; pid is null without an owner;
 * namedPorts is {"api":3001,...}, {} for a project without named ports.
 */
public final class PortsJson {
    private PortsJson() {
    }

    public static void write(RegistryView view, OptionalInt cleaned, PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("allocations");
            for (RegistryView.Entry entry : view.entries()) {
                Allocation a = entry.allocation();
                json.writeStartObject();
                json.writeStringField("project", a.project().value());
                json.writeNumberField("port", a.port().value());
                json.writeFieldName("pid");
                if (a.owner().isPresent()) {
                    json.writeNumber(a.owner().get().pid());
                } else {
                    json.writeNull();
                }
                json.writeStringField("state", entry.status().label());
                json.writeStringField("allocatedAt", a.allocatedAt().toString());
                NamedPortsJson.write(a.namedPorts(), json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("lastCleanup", view.lastCleanup().map(Object::toString).orElse(null));
            if (cleaned.isPresent()) {
                json.writeNumberField("cleaned", cleaned.getAsInt());
            }
            json.writeEndObject();
        }
        out.println();
    }
}
