package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.domain.diagnostics.PortExplanation;
import dev.localdb.domain.diagnostics.PortExplanation.Listener;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.ProjectName;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code localdb why <port> --json}: {"port", "project": {"name","state","since","pid"} or null,
 * "rememberedBy": [...], "listenersKnown", "listeners": [{"address","pid","command","projectServer"}],
 * "free"}. One listener entry per socket and process; pid and command are null when the socket's
 * owner is unknown, projectServer is null when localdb cannot tell. Times are ISO-8601 UTC.
 */
public final class WhyJson {
    private WhyJson() {
    }

    public static void write(PortExplanation answer, PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("port", answer.port().value());
            json.writeFieldName("project");
            if (answer.holder().isPresent()) {
                Allocation a = answer.holder().get().allocation();
                json.writeStartObject();
                json.writeStringField("name", a.project().value());
                json.writeFieldName("portName");
                if (answer.holder().get().portName().isPresent()) {
                    json.writeString(answer.holder().get().portName().get().value());
                } else {
                    json.writeNull();
                }
                json.writeStringField("state", answer.holder().get().status().label());
                json.writeStringField("since", a.allocatedAt().toString());
                writeNumberOrNull(json, "pid", a.owner().map(o -> o.pid()).orElse(null));
                json.writeEndObject();
            } else {
                json.writeNull();
            }
            json.writeArrayFieldStart("rememberedBy");
            for (ProjectName name : answer.rememberedBy()) {
                json.writeString(name.value());
            }
            json.writeEndArray();
            json.writeBooleanField("listenersKnown", answer.listenersKnown());
            json.writeArrayFieldStart("listeners");
            for (Listener listener : answer.listeners()) {
                if (listener.socket().ownerUnknown()) {
                    writeListener(json, listener, null);
                }
                for (ListeningProcess process : listener.socket().processes()) {
                    writeListener(json, listener, process);
                }
            }
            json.writeEndArray();
            json.writeBooleanField("free", answer.free());
            json.writeEndObject();
        }
        out.println();
    }

    private static void writeListener(JsonGenerator json, Listener listener, ListeningProcess process) throws IOException {
        json.writeStartObject();
        json.writeStringField("address", listener.socket().address());
        writeNumberOrNull(json, "pid", process == null ? null : process.pid());
        json.writeStringField("command", process == null ? null : process.commandLine());
        json.writeFieldName("projectServer");
        switch (listener.relation()) {
            case PROJECT_SERVER -> json.writeBoolean(true);
            case OTHER_PROGRAM -> json.writeBoolean(false);
            case CANNOT_TELL -> json.writeNull();
        }
        json.writeEndObject();
    }

    private static void writeNumberOrNull(JsonGenerator json, String field, Long value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
