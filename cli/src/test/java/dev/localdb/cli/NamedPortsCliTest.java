package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.adapters.storage.LocalDbHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --port-name} from the command line, in process: what is refused (one line, exit 2), what
 * {@code port --name} prints, and how {@code ports} and {@code status} show named ports. No server
 * runs here; the end-to-end test in test-suite starts real ones.
 */
class NamedPortsCliTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private record Run(int code, String out, String err) {
    }

    private Run localdb(String... args) {
        env.put(LocalDbHome.ENV, home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, Map.copyOf(env), home.toString(), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Run ok(String... args) {
        Run run = localdb(args);
        assertThat(run.code()).as("localdb %s: %s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    private static void assertRefused(Run run, int code, String message) {
        assertThat(run.code()).as(run.toString()).isEqualTo(code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: ").contains(message);
    }

    @Test
    void newRecordsTheNamesAndSaysWhereTheServerFindsThem() {
        Run created = ok("new", "web", "--command", "serve", "--port-name", "api", "--port-name", "dev-tools");

        assertThat(created.out()).contains("Named ports: api ($PORT_API), dev-tools ($PORT_DEV_TOOLS).");
    }

    @Test
    void badNamesAreRefusedInOneLineAndNoProjectIsCreated() throws Exception {
        assertRefused(localdb("new", "web", "--port-name", "api", "--port-name", "api"), 2,
                "Port name \"api\" is given twice: give each --port-name once.");
        assertRefused(localdb("new", "web", "--port-name", "port"), 2, "Port name \"port\" is reserved");
        assertRefused(localdb("new", "web", "--port-name", "API"), 2, "Invalid port name \"API\"");
        assertRefused(localdb("new", "web", "--port-name", "a".repeat(33)), 2, "use 1-32 characters");

        assertThat(Files.exists(home.resolve("projects/web"))).isFalse();
    }

    @Test
    void portPrintsANamedPortThatIsHeldWithTheOthersAndStaysTheSame() throws Exception {
        ok("new", "web", "--command", "serve", "--port-name", "api", "--port-name", "debug");

        int api = Integer.parseInt(ok("port", "web", "--name", "api").out().trim());
        int main = Integer.parseInt(ok("port", "web").out().trim());

        assertThat(Integer.parseInt(ok("port", "web", "--name", "api").out().trim())).isEqualTo(api);
        int debug = Integer.parseInt(ok("port", "web", "--name", "debug").out().trim());
        assertThat(new int[] {main, api, debug}).doesNotHaveDuplicates();
        JsonNode entry = json("ports", "--json").get("allocations").get(0);
        assertThat(entry.get("port").asInt()).isEqualTo(main);
        assertThat(entry.get("namedPorts").get("api").asInt()).isEqualTo(api);
        assertThat(entry.get("namedPorts").get("debug").asInt()).isEqualTo(debug);
        JsonNode status = json("status", "web", "--json").get("projects").get(0);
        assertThat(status.get("namedPorts").get("api").asInt()).isEqualTo(api);
        String table = ok("ports").out();
        assertThat(table).containsPattern("(?m)^web\\s+" + main + "\\s+reserved")
                .containsPattern("(?m)^web:api\\s+" + api + "\\s+reserved")
                .containsPattern("(?m)^web:debug\\s+" + debug + "\\s+reserved");
        assertThat(ok("status", "web").out()).contains(main + " (api " + api + ", debug " + debug + ")");
    }

    @Test
    void releaseNamesEveryPortItGivesBack() {
        ok("new", "web", "--command", "serve", "--port-name", "api");
        int api = Integer.parseInt(ok("port", "web", "--name", "api").out().trim());
        int main = Integer.parseInt(ok("port", "web").out().trim());

        assertThat(ok("release", "web").out())
                .isEqualTo("Released ports " + main + " and api " + api + " of web (remembered for next time).\n");
        assertThat(ok("release", "web").out()).isEqualTo("Project web holds no port; nothing to release.\n");
    }

    @Test
    void releaseForgetRemovesTheEntryWithEveryPortSoNothingIsRemembered() throws Exception {
        ok("new", "web", "--command", "serve", "--port-name", "api");
        int api = Integer.parseInt(ok("port", "web", "--name", "api").out().trim());
        int main = Integer.parseInt(ok("port", "web").out().trim());
        ok("port", "other");

        assertThat(ok("release", "web", "--forget").out())
                .isEqualTo("Forgot web: ports " + main + " and api " + api + " released and no longer remembered.\n");
        assertThat(json("ports", "--json").get("allocations")).extracting(entry -> entry.get("project").asText())
                .containsExactly("other");
        assertThat(ok("release", "web", "--forget").out()).isEqualTo("Project web has no registry entry; nothing to forget.\n");
        ok("release", "other");
        assertThat(ok("release", "other", "--forget").out()).as("a remembered entry is forgotten too")
                .startsWith("Forgot other: port ").endsWith(" no longer remembered.\n").doesNotContain("released");
        assertThat(json("ports", "--json").get("allocations")).isEmpty();
    }

    @Test
    void aProjectWithoutNamedPortsHasAnEmptyNamedPortsObject() throws Exception {
        ok("port", "tool");

        assertThat(json("ports", "--json").get("allocations").get(0).get("namedPorts").isEmpty()).isTrue();
        assertThat(json("status", "--json").get("projects").get(0).get("namedPorts").isObject()).isTrue();
    }

    @Test
    void portRefusesANameTheProjectDoesNotHave() {
        ok("new", "web", "--port-name", "api");

        assertRefused(localdb("port", "web", "--name", "debug"), 2,
                "Project \"web\" has no port named \"debug\" (its names are api)");
        assertRefused(localdb("port", "nothing", "--name", "api"), 2, "No project nothing.");
        assertRefused(localdb("port", "web", "--name", "Bad"), 2, "Invalid port name \"Bad\"");
    }

    @Test
    void whenTheNamedPortsDoNotFitNoneIsTakenAndTheExitCodeIsThree() throws Exception {
        int first = twoFreePorts();
        env.put("LOCALDB_PORT_RANGES", first + "-" + (first + 1));
        ok("new", "web", "--port-name", "api", "--port-name", "debug");

        Run refused = localdb("port", "web", "--name", "api");

        assertRefused(refused, 3, "No free port for port \"debug\" of web (so it got none of its ports)");
        assertThat(json("ports", "--json").get("allocations")).isEmpty();
    }

    /** Two neighbouring ports nothing listens on, below every OS's ephemeral range (which localdb never hands out). */
    private static int twoFreePorts() throws IOException {
        for (int port = 21_000; port < 30_000; port += 2) {
            if (bindable(port) && bindable(port + 1)) {
                return port;
            }
        }
        throw new AssertionError("no two neighbouring free ports in 21000-29999");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    private JsonNode json(String... args) throws Exception {
        return new ObjectMapper().readTree(ok(args).out());
    }
}
