package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import java.io.IOException;
import java.util.Map;

/** How JSON listings show a project's named ports: {@code "namedPorts": {"api": 3001}} ({@link NamedPortsText} for tables). */
final class NamedPortsJson {
    private NamedPortsJson() {
    }

    /** Always written, {} when there are none, so scripts can read {@code .namedPorts.api} without a check. */
    static void write(Map<PortName, PortNumber> namedPorts, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("namedPorts");
        for (Map.Entry<PortName, PortNumber> named : namedPorts.entrySet()) {
            json.writeNumberField(named.getKey().value(), named.getValue().value());
        }
        json.writeEndObject();
    }
}
