package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.routing.Route;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code localdb proxy status --json}, on one line: {"running", "pid" (null when not running),
 * "httpPort", "httpsPort", "caCertificate" (null until the proxy made its authority), "routes":
 * [{"host", "project", "portName", "port", "state"}]}; a route's portName and port are null when it
 * has none.
 */
public final class ProxyStatusJson {
    private ProxyStatusJson() {
    }

    public static void write(ProxyControl.Status status, List<Route> routes, PrintWriter out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeBooleanField("running", status.running());
            if (status.running()) {
                g.writeNumberField("pid", status.process().get().pid());
            } else {
                g.writeNullField("pid");
            }
            g.writeNumberField("httpPort", status.httpPort());
            g.writeNumberField("httpsPort", status.httpsPort());
            if (status.caCertificatePath().isPresent()) {
                g.writeStringField("caCertificate", status.caCertificatePath().get());
            } else {
                g.writeNullField("caCertificate");
            }
            g.writeArrayFieldStart("routes");
            for (Route route : routes) {
                g.writeStartObject();
                g.writeStringField("host", route.host());
                g.writeStringField("project", route.target().value());
                if (route.portName().isPresent()) {
                    g.writeStringField("portName", route.portName().map(PortName::value).get());
                } else {
                    g.writeNullField("portName");
                }
                if (route.port().isPresent()) {
                    g.writeNumberField("port", route.port().get().value());
                } else {
                    g.writeNullField("port");
                }
                g.writeStringField("state", route.state().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
        out.flush();
    }
}
