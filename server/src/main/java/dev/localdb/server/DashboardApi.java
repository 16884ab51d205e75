package dev.localdb.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.model.ProjectName;
import java.io.IOException;
import java.util.List;

/**
 * The dashboard's JSON API under {@code /dashboard/} (not {@code /api/}, where any name could be a
 * collection): {@code GET projects} lists every project to anyone local; {@code POST session}
 * redeems a ticket; {@code POST projects/<name>/start|stop} needs the control token in the
 * {@code X-LocalDB-Token} header and a same-origin request. A page elsewhere cannot send that
 * header without a CORS preflight, which this server never grants, nor read the token.
 */
final class DashboardApi {
    static final String PREFIX = "/dashboard/";
    private final ServerIdentity identity;
    private final ProjectsOverview overview;
    private final ProjectsControl control;
    private final DashboardAccess access;
    private final Runnable stopThisServer;

    DashboardApi(ServerIdentity identity, ProjectsOverview overview, ProjectsControl control, DashboardAccess access,
                 Runnable stopThisServer) {
        this.identity = identity;
        this.overview = overview;
        this.control = control;
        this.access = access;
        this.stopThisServer = stopThisServer;
    }

    void handle(HttpExchange exchange, String method, String path) throws IOException {
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments.length == 1 && segments[0].equals("projects")) {
            HttpError.requireMethod(method, path, "GET");
            list(exchange);
        } else if (segments.length == 1 && segments[0].equals("session")) {
            HttpError.requireMethod(method, path, "POST");
            SameOriginWrites.require(exchange.getRequestHeaders(), "start or stop projects");
            redeem(exchange);
        } else if (segments.length == 3 && segments[0].equals("projects") && (segments[2].equals("start") || segments[2].equals("stop"))) {
            HttpError.requireMethod(method, path, "POST");
            SameOriginWrites.require(exchange.getRequestHeaders(), "start or stop projects");
            requireControlToken(exchange);
            act(exchange, ProjectName.of(segments[1]), segments[2]);
        } else {
            throw HttpError.notFound("No route for " + Text.shorten(path) + ": the dashboard has /dashboard/projects, "
                    + "/dashboard/session and /dashboard/projects/<name>/start|stop.");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        List<ProjectSummary> projects;
        try {
            projects = overview.projects();
        } catch (RuntimeException e) {
            throw new HttpError(503, "The project list is unavailable: " + Text.shorten(String.valueOf(e.getMessage())));
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("project", identity.project().value());
        body.put("port", identity.port());
        body.put("control", access.allows(exchange.getRequestHeaders().getFirst(DashboardAccess.TOKEN_HEADER)));
        ArrayNode array = body.putArray("projects");
        for (ProjectSummary project : projects) {
            ObjectNode item = array.addObject();
            item.put("name", project.name());
            item.put("state", project.state().label());
            item.put("port", project.port());
            item.put("url", project.url());
            item.put("nameUrl", project.nameUrl());
            item.put("here", project.name().equals(identity.project().value()));
            item.put("reservation", project.reservation());
        }
        Responses.json(exchange, 200, body);
    }

    private void redeem(HttpExchange exchange) throws IOException {
        String token = access.redeem(exchange.getRequestHeaders().getFirst(DashboardAccess.TICKET_HEADER)).orElseThrow(() -> new HttpError(403,
                "This control link was already used or has expired: run 'localdb open " + identity.project() + "' for a new one."));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("token", token);
        Responses.json(exchange, 200, body);
    }

    private void act(HttpExchange exchange, ProjectName project, String action) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("project", project.value());
        if (project.equals(identity.project())) {
            if (action.equals("start")) {
                body.put("message", project + " is already running: it serves this page.");
                Responses.json(exchange, 200, body);
                return;
            }
            // Answer first: once stopping, this server can no longer tell the browser anything.
            body.put("message", "Stopping " + project + ": this page stops answering; start it again with 'localdb start " + project + "'.");
            Responses.json(exchange, 202, body);
            stopThisServer.run();
            return;
        }
        String message;
        try {
            message = action.equals("start") ? control.start(project.value()) : control.stop(project.value());
        } catch (InvalidInputException e) {
            throw e; // 400, as everywhere
        } catch (ControlFailedException | LocalDbException e) {
            throw new HttpError(409, e.getMessage());
        }
        body.put("message", message);
        Responses.json(exchange, 200, body);
    }

    private void requireControlToken(HttpExchange exchange) {
        if (!access.allows(exchange.getRequestHeaders().getFirst(DashboardAccess.TOKEN_HEADER))) {
            throw new HttpError(403, "Starting and stopping projects needs this server's control token in the "
                    + DashboardAccess.TOKEN_HEADER + " header: run 'localdb open " + identity.project() + "' to open the dashboard with control.");
        }
    }
}
