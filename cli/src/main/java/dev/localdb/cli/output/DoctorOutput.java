package dev.localdb.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.model.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code localdb doctor}: one line per check, {@code [ok]}, {@code [info]} or {@code [PROBLEM]}
 * first so problems stand out, then a summary; or
 * {"healthy","problems","checks":[{"name","status","message"}]} with {@code --json}.
 */
public final class DoctorOutput {
    private DoctorOutput() {
    }

    public static void text(List<HealthCheck> checks, Style style, PrintWriter out) {
        for (HealthCheck check : checks) {
            out.println(marker(check, style) + " " + check.name() + ": " + Printable.escaped(check.message()));
        }
        long problems = problems(checks);
        out.println(problems == 0 ? "No problems found."
                : problems + (problems == 1 ? " problem" : " problems") + " found; each line above says what to do.");
    }

    public static void json(List<HealthCheck> checks, PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeBooleanField("healthy", problems(checks) == 0);
            json.writeNumberField("problems", problems(checks));
            json.writeArrayFieldStart("checks");
            for (HealthCheck check : checks) {
                json.writeStartObject();
                json.writeStringField("name", check.name());
                json.writeStringField("status", check.status().label());
                json.writeStringField("message", check.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    /** Padded before colouring, so the names line up with or without colour. */
    private static String marker(HealthCheck check, Style style) {
        String marker = String.format("%-9s", check.isProblem() ? "[PROBLEM]" : "[" + check.status().label() + "]");
        return switch (check.status()) {
            case OK -> style.green(marker);
            case INFO -> style.dim(marker);
            case PROBLEM -> style.red(marker);
        };
    }

    public static long problems(List<HealthCheck> checks) {
        return checks.stream().filter(HealthCheck::isProblem).count();
    }
}
