package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.domain.project.ProjectStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code localdb status}: a table, or {"projects":[{"project","state","port","url","pid","since","namedPorts"}]}
 * with null for what a project does not have ({} for namedPorts).
 */
public final class StatusOutput {
    private StatusOutput() {
    }

    public static void table(List<ProjectStatus> statuses, Instant now, PrintWriter out) {
        table(statuses, now, out, Style.PLAIN);
    }

    /** The table with its STATE column painted by {@code style} (plain text when colour is off). */
    public static void table(List<ProjectStatus> statuses, Instant now, PrintWriter out, Style style) {
        if (statuses.isEmpty()) {
            out.println("No projects yet. Create one with 'localdb new <project>' or 'localdb start <project> --create'.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROJECT", "STATE", "PORT", "URL", "PID", "UPTIME"});
        for (ProjectStatus s : statuses) {
            // With the wrapper gone, the recorded PID is dead: what serves is a process it left behind.
            boolean running = s.state() == ProjectStatus.State.RUNNING && !s.wrapperGone();
            rows.add(new String[] {s.name().value(), s.stateText(), s.port().map(Object::toString).orElse("-") + NamedPortsText.summary(s.namedPorts()),
                    s.url().orElse("-"), running ? s.server().map(p -> Long.toString(p.pid())).orElse("-") : "-",
                    running ? s.since().map(since -> uptime(Duration.between(since, now))).orElse("-") : "-"});
        }
        Columns.print(rows, out, style);
    }

    /**
     * As {@link #table(List, Instant, PrintWriter, Style)}, then, when the name proxy runs on
     * {@code proxyHttpPort}, the line that says the projects' names answer there.
     */
    public static void table(List<ProjectStatus> statuses, Instant now, PrintWriter out, Style style,
                             java.util.Optional<Integer> proxyHttpPort) {
        table(statuses, now, out, style);
        if (!statuses.isEmpty() && proxyHttpPort.isPresent()) {
            out.println();
            out.println("Names: " + nameUrl("<project>", proxyHttpPort.get()) + " (the name proxy runs; 'localdb proxy status' lists them)");
        }
    }

    /** {@code http://shop.localhost:1355}; without the port on 80. */
    public static String nameUrl(String project, int proxyHttpPort) {
        return "http://" + project + ".localhost" + (proxyHttpPort == 80 ? "" : ":" + proxyHttpPort);
    }

    public static void json(List<ProjectStatus> statuses, PrintWriter out) throws IOException {
        json(statuses, out, java.util.Optional.empty());
    }

    /** With {@code nameUrl} for each running project when the name proxy runs on {@code proxyHttpPort}, else null. */
    public static void json(List<ProjectStatus> statuses, PrintWriter out, java.util.Optional<Integer> proxyHttpPort) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("projects");
            for (ProjectStatus s : statuses) {
                json.writeStartObject();
                json.writeStringField("project", s.name().value());
                json.writeStringField("state", s.state().label());
                json.writeFieldName("port");
                if (s.port().isPresent()) {
                    json.writeNumber(s.port().get().value());
                } else {
                    json.writeNull();
                }
                json.writeStringField("url", s.url().orElse(null));
                json.writeStringField("nameUrl", s.state() == ProjectStatus.State.RUNNING
                        ? proxyHttpPort.map(port -> nameUrl(s.name().value(), port)).orElse(null) : null);
                json.writeFieldName("pid");
                if (s.state() == ProjectStatus.State.RUNNING && !s.wrapperGone() && s.server().isPresent()) {
                    json.writeNumber(s.server().get().pid());
                } else {
                    json.writeNull();
                }
                json.writeStringField("since", s.since().map(Instant::toString).orElse(null));
                if (s.wrapperGone()) {
                    json.writeBooleanField("wrapperGone", true);
                }
                NamedPortsJson.write(s.namedPorts(), json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    static String uptime(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        if (s < 86_400) {
            return (s / 3600) + "h" + (s % 3600 / 60) + "m";
        }
        return (s / 86_400) + "d" + (s % 86_400 / 3600) + "h";
    }
}
