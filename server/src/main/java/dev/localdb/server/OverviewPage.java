package dev.localdb.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /}: this project (port, uptime, collections) and the dashboard of every localdb
 * project. The HTML lists the projects read-only and works without script; {@link DashboardScript}
 * then keeps the list fresh and, on a page opened with a control link, adds Start/Stop buttons.
 * Nothing secret is ever in the HTML: control comes only from the ticket in the URL fragment.
 */
final class OverviewPage {
    private static final String STYLE = """
            :root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--here:#fff8c5}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#151b23;--here:#3b2e00}}
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);max-width:56rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:2rem 0 .5rem}
            .meta,.empty{color:var(--muted)}table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line)}th{background:var(--head);font-weight:600}
            tr.here td{background:var(--here)}code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            .running{color:#1a7f37;font-weight:600}.stopped{color:var(--muted)}.crashed{color:#cf222e;font-weight:600}
            .note{border-left:3px solid var(--line);padding:.2rem .6rem;color:var(--muted)}.bad{color:#cf222e}
            button{font:inherit;padding:.1rem .7rem;border:1px solid var(--line);border-radius:6px;background:var(--head);color:var(--fg);cursor:pointer}
            button:disabled{cursor:progress;opacity:.6}
            """;
    private final ServerIdentity identity;
    private final DocumentStore store;
    private final ProjectsOverview overview;

    OverviewPage(ServerIdentity identity, DocumentStore store, ProjectsOverview overview) {
        this.identity = identity;
        this.store = store;
        this.overview = overview;
    }

    void handle(HttpExchange exchange) throws IOException {
        String name = Html.escape(identity.project());
        StringBuilder page = new StringBuilder(4096)
                .append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>localdb · ").append(name).append("</title><style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>localdb · <code>").append(name).append("</code></h1>\n")
                .append("<p class=\"meta\">Port ").append(identity.port())
                .append(" · up ").append(uptime(Duration.between(identity.startedAt(), Instant.now())))
                .append(" · pid ").append(identity.pid()).append("</p>\n");
        collections(page);
        projects(page);
        page.append("<script>").append(DashboardScript.SOURCE).append("</script>\n");
        Responses.html(exchange, page.append("</body></html>\n").toString(), DashboardScript.CSP_HASH);
    }

    private void collections(StringBuilder page) throws IOException {
        page.append("<h2>Collections</h2>\n");
        Map<CollectionName, Integer> collections = store.collections();
        if (collections.isEmpty()) {
            page.append("<p class=\"empty\">No collections yet. Create one with <code>curl -H 'Content-Type: application/json' -d '{\"hello\":\"world\"}' http://localhost:")
                    .append(identity.port()).append("/api/notes</code></p>\n");
            return;
        }
        page.append("<table><tr><th>Collection</th><th>Documents</th></tr>\n");
        collections.forEach((collection, count) -> page.append("<tr><td><a href=\"")
                .append(Html.escape(DocumentsApi.PREFIX + collection.value())).append("\"><code>")
                .append(Html.escape(collection.value())).append("</code></a></td><td>").append(count).append("</td></tr>\n"));
        page.append("</table>\n");
    }

    private void projects(StringBuilder page) {
        page.append("<h2>All localdb projects</h2>\n")
                .append("<p id=\"control-note\" class=\"note\">Read-only. To start and stop projects from this page, run <code>localdb open ")
                .append(Html.escape(identity.project())).append("</code> in a terminal: it opens the page with a one-time control link.</p>\n")
                .append("<p id=\"dashboard-status\" class=\"meta\" role=\"status\"></p>\n<div id=\"projects-list\">\n");
        listProjects(page);
        page.append("</div>\n");
    }

    private void listProjects(StringBuilder page) {
        List<ProjectSummary> projects;
        try {
            projects = overview.projects();
        } catch (RuntimeException e) {
            // The registry may be busy or damaged; this project's own page should still work.
            page.append("<p class=\"empty\">The project list is unavailable: ").append(Html.escape(e.getMessage())).append("</p>\n");
            return;
        }
        if (projects.isEmpty()) {
            page.append("<p class=\"empty\">No projects registered.</p>\n");
            return;
        }
        page.append("<table id=\"projects\"><tr><th>Project</th><th>State</th><th>Port</th><th>Open</th></tr>\n");
        for (ProjectSummary project : projects) {
            boolean here = project.name().equals(identity.project().value());
            page.append(here ? "<tr class=\"here\">" : "<tr>")
                    .append("<td><code>").append(Html.escape(project.name())).append("</code></td>")
                    .append("<td class=\"").append(project.state().label()).append("\">").append(project.state().label()).append("</td>")
                    .append("<td>").append(project.port() == null ? "" : project.port()).append("</td>")
                    .append("<td>").append(Html.link(project.url(), project.url()))
                    .append(project.nameUrl() == null ? "" : " " + Html.link(project.nameUrl(), project.nameUrl())).append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    /** "3d 4h", "2h 5m", "4m 10s" or "12s": the two largest units are enough to read at a glance. */
    static String uptime(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + secs + "s" : secs + "s";
    }
}
