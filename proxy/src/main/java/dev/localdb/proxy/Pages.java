package dev.localdb.proxy;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.routing.Route;
import dev.localdb.domain.routing.RouteState;
import dev.localdb.domain.routing.RouteTable;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The responses the proxy writes itself. Every name in them comes from a request or the registry,
 * so all of it is escaped, and the pages forbid scripts and every other resource by CSP.
 */
final class Pages {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final String STYLE = "body{font:15px/1.5 system-ui,sans-serif;color:#222;max-width:52rem;margin:2rem auto;padding:0 1rem}"
            + "h1{font-size:1.4rem}code{background:#f2f2f2;padding:.1em .35em;border-radius:3px}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35em .7em;border-bottom:1px solid #ddd}"
            + "th{font-weight:600}.running,.alias{color:#11772d}.stopped{color:#888}"
            + "pre{background:#f2f2f2;padding:.6em;overflow:auto}";

    /** How links on a page reach the proxy: the scheme and port the request came in on. */
    record LinkBase(String scheme, int port) {
        String url(String host) {
            return scheme + "://" + host + ":" + port + "/";
        }
    }

    private Pages() {
    }

    static FullHttpResponse index(RouteTable table, LinkBase links) {
        StringBuilder body = new StringBuilder();
        List<Route> routes = table.routes();
        if (routes.isEmpty()) {
            body.append("<p>No names yet. <code>localdb start &lt;project&gt;</code> adds one.</p>");
        } else {
            body.append("<table><thead><tr><th>Name</th><th>Project</th><th>Port name</th><th>Port</th><th>State</th></tr></thead><tbody>");
            for (Route route : routes) {
                body.append("<tr><td><a href=\"").append(html(links.url(route.host()))).append("\">")
                        .append(html(route.host())).append("</a></td><td>").append(html(route.target().value()))
                        .append("</td><td>").append(route.portName().map(PortName::value).map(Pages::html).orElse(""))
                        .append("</td><td>").append(route.port().map(PortNumber::toString).orElse(""))
                        .append("</td><td class=\"").append(route.state().label()).append("\">").append(route.state().label())
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return html(HttpResponseStatus.OK, "localdb names", body.toString());
    }

    static FullHttpResponse indexJson(RouteTable table) {
        StringBuilder json = new StringBuilder("{\"routes\":[");
        String separator = "";
        for (Route route : table.routes()) {
            json.append(separator).append("{\"host\":").append(json(route.host()))
                    .append(",\"project\":").append(json(route.target().value()))
                    .append(",\"portName\":").append(route.portName().map(name -> json(name.value())).orElse("null"))
                    .append(",\"port\":").append(route.port().map(PortNumber::toString).orElse("null"))
                    .append(",\"state\":").append(json(route.state().label())).append('}');
            separator = ",";
        }
        json.append("]}");
        FullHttpResponse response = response(HttpResponseStatus.OK, json.toString(), "application/json; charset=utf-8");
        return response;
    }

    static FullHttpResponse unknownName(String host, RouteTable table, LinkBase links) {
        StringBuilder body = new StringBuilder("<p>No project is called <code>").append(html(host)).append("</code>.</p>");
        List<Route> running = table.routes().stream().filter(route -> route.state() != RouteState.STOPPED).toList();
        if (running.isEmpty()) {
            body.append("<p>Nothing is running. Start a project with <code>localdb start &lt;project&gt;</code>.</p>");
        } else {
            body.append("<p>Running now:</p><ul>");
            for (Route route : running) {
                body.append("<li><a href=\"").append(html(links.url(route.host()))).append("\">").append(html(route.host()))
                        .append("</a></li>");
            }
            body.append("</ul>");
        }
        body.append("<p><a href=\"").append(html(links.url("localhost"))).append("\">All names</a></p>");
        return html(HttpResponseStatus.NOT_FOUND, "Unknown name " + host, body.toString());
    }

    static FullHttpResponse notRunning(Route route) {
        String project = route.target().value();
        return html(HttpResponseStatus.SERVICE_UNAVAILABLE, project + " is not running",
                "<p><code>" + html(project) + "</code> is not running. Start it with: <code>localdb start "
                        + html(project) + "</code></p>");
    }

    static FullHttpResponse backendDown(Route route, int port) {
        String project = route.target().value();
        String advice = route.state() == RouteState.ALIAS
                ? "<p>The alias <code>" + html(route.host()) + "</code> points there; start what should listen on it.</p>"
                : "<p>Start it with: <code>localdb start " + html(project) + "</code></p>";
        return html(HttpResponseStatus.BAD_GATEWAY, "Nothing answers on port " + port,
                "<p>The server of <code>" + html(project) + "</code> on port " + port + " does not answer.</p>" + advice);
    }

    /** @param serverLog the last lines of the server's log, shown below the message; empty when there are none */
    static FullHttpResponse startFailed(Route route, String message, List<String> serverLog) {
        String project = route.target().value();
        String log = serverLog.isEmpty() ? "" : "<pre>" + html(String.join("\n", serverLog)) + "</pre>";
        return html(HttpResponseStatus.BAD_GATEWAY, project + " did not start",
                "<p><code>" + html(project) + "</code> could not be started on demand:</p><p><code>" + html(message)
                        + "</code></p>" + log + "<p>Try it yourself: <code>localdb start " + html(project) + "</code></p>");
    }

    static FullHttpResponse startTimedOut(Route route, Duration timeout) {
        String project = route.target().value();
        return html(HttpResponseStatus.GATEWAY_TIMEOUT, project + " is still starting",
                "<p><code>" + html(project) + "</code> did not accept connections within " + seconds(timeout)
                        + ". Reload the page, or start it yourself: <code>localdb start " + html(project) + "</code></p>");
    }

    /** Plain text for answers no browser user needs to read as a page (421, 400, 413, 431). */
    static FullHttpResponse text(HttpResponseStatus status, String text) {
        return response(status, text + "\n", "text/plain; charset=utf-8");
    }

    private static FullHttpResponse html(HttpResponseStatus status, String title, String body) {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + html(title) + "</h1>" + body
                + "<p><small>localdb proxy</small></p></body></html>\n";
        return response(status, page, "text/html; charset=utf-8");
    }

    private static FullHttpResponse response(HttpResponseStatus status, String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return response;
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters must be escaped; < > & and the JavaScript line separators
                    // are escaped too, so the JSON is also safe inside a <script> block.
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
