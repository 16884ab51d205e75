package dev.localdb.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.domain.diagnostics.HealthCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems stand out, info does not count as one, and the JSON says the same. */
class DoctorOutputTest {
    private static final List<HealthCheck> CHECKS = List.of(
            HealthCheck.ok("home", "fine."),
            HealthCheck.info("IPv6", "not available."),
            HealthCheck.problem("registry", "damaged\u001b[2J; run 'localdb ports --cleanup'."));

    @Test
    void oneLinePerCheckWithItsMarkerAndASummary() {
        StringWriter buffer = new StringWriter();
        DoctorOutput.text(CHECKS, Style.PLAIN, new PrintWriter(buffer));

        assertThat(buffer.toString().lines()).containsExactly(
                "[ok]      home: fine.",
                "[info]    IPv6: not available.",
                "[PROBLEM] registry: damaged\\u001b[2J; run 'localdb ports --cleanup'.",
                "1 problem found; each line above says what to do.");
        assertThat(DoctorOutput.problems(CHECKS)).isEqualTo(1);
    }

    @Test
    void jsonListsEveryCheckAndWhetherAllIsWell() throws Exception {
        StringWriter buffer = new StringWriter();
        DoctorOutput.json(CHECKS, new PrintWriter(buffer));

        JsonNode json = new ObjectMapper().readTree(buffer.toString());

        assertThat(json.get("healthy").asBoolean()).isFalse();
        assertThat(json.get("problems").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(3);
        assertThat(json.at("/checks/1/status").asText()).isEqualTo("info");
        assertThat(json.at("/checks/2/name").asText()).isEqualTo("registry");
    }
}
