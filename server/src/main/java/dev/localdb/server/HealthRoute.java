package dev.localdb.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** {@code GET /health}: {@code {"status":"ok","project":"demo","port":3000,"pid":1234}}. */
final class HealthRoute {
    private final ServerIdentity identity;

    HealthRoute(ServerIdentity identity) {
        this.identity = identity;
    }

    void handle(HttpExchange exchange) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("status", "ok");
        body.put("project", identity.project().value());
        body.put("port", identity.port());
        body.put("pid", identity.pid());
        Responses.json(exchange, 200, body);
    }
}
