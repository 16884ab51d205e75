package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.adapters.storage.LocalDbHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --json shapes documented in docs/commands/shell.md. They may gain fields, never lose or
 * rename one: these are the fields scripts can rely on.
 */
class ListingJsonTest {
    @TempDir
    Path home;

    @Test
    void statusIsAnObjectWithAProjectsArray() throws Exception {
        assertThat(json("status", "--json").get("projects").isArray()).isTrue();
        assertThat(json("status", "--json").get("projects")).isEmpty();
        localdb("new", "web");

        JsonNode web = json("status", "--json").get("projects").get(0);

        assertThat(fields(web)).contains("project", "state", "port", "url", "pid", "since");
        assertThat(web.get("project").asText()).isEqualTo("web");
        assertThat(web.get("state").asText()).isEqualTo("stopped");
        assertThat(web.get("pid").isNull()).isTrue();
        assertThat(json("status", "web", "--json").get("projects")).hasSize(1);
    }

    @Test
    void portsIsAnObjectWithAnAllocationsArrayAndTheLastCleanup() throws Exception {
        JsonNode empty = json("ports", "--json");
        assertThat(fields(empty)).contains("allocations", "lastCleanup");
        assertThat(empty.get("allocations")).isEmpty();
        int port = Integer.parseInt(localdb("port", "tool").trim());

        JsonNode tool = json("ports", "--json").get("allocations").get(0);

        assertThat(fields(tool)).contains("project", "port", "pid", "state", "allocatedAt");
        assertThat(tool.get("project").asText()).isEqualTo("tool");
        assertThat(tool.get("port").asInt()).isEqualTo(port);
        assertThat(tool.get("state").asText()).isEqualTo("reserved");
        assertThat(json("ports", "--json", "--cleanup").get("cleaned").isInt()).isTrue();
    }

    private JsonNode json(String... args) throws Exception {
        String out = localdb(args);
        assertThat(out).doesNotContain("\u001b");
        return new ObjectMapper().readTree(out);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String localdb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, Map.of(LocalDbHome.ENV, home.toString()), home.toString(), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("localdb %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }
}
