package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A damaged registry is never taken as an empty one without a word: a change keeps the damaged
 * file under another name, says so and starts afresh; a read-only command warns and moves nothing.
 */
class CorruptRegistryTest {
    private static final String VALID_ENTRY =
            "{\"project\":\"web\",\"port\":3000,\"state\":\"held\",\"owner\":null,\"allocatedAt\":\"2025-01-02T03:04:05Z\"}";

    @TempDir
    Path home;

    static Stream<Arguments> damagedRegistries() {
        List<Arguments> corpus = new ArrayList<>(List.of(
                damaged("empty file", "", "the file is empty"),
                damaged("only blanks", " \n\t\n", "the file is empty"),
                damaged("garbage", "this is not json", "not valid JSON at line 1"),
                damaged("terminal escapes", "\u001b[31mred\u001b[0m", "not valid JSON"),
                damaged("binary", new String(new byte[] {0, 1, 2, (byte) 0xff}, StandardCharsets.ISO_8859_1), "not valid JSON"),
                damaged("top level array", "[]", "not a JSON object"),
                damaged("top level null", "null", "not a JSON object"),
                damaged("schemaVersion missing", "{\"allocations\":[]}", "schemaVersion is missing"),
                damaged("schemaVersion as text", "{\"schemaVersion\":\"1\",\"allocations\":[]}", "schemaVersion is not a positive"),
                damaged("schemaVersion zero", "{\"schemaVersion\":0,\"allocations\":[]}", "schemaVersion is not a positive"),
                damaged("allocations missing", "{\"schemaVersion\":1}", "allocations is missing"),
                damaged("allocations not a list", "{\"schemaVersion\":1,\"allocations\":{}}", "allocations has the wrong type"),
                damaged("port as text", entries(VALID_ENTRY.replace("3000", "\"3000\"")), "allocations[0].port has the wrong type"),
                damaged("port with a fraction", entries(VALID_ENTRY.replace("3000", "3000.5")), "allocations[0].port has the wrong type"),
                damaged("project as number", entries(VALID_ENTRY.replace("\"web\"", "7")), "allocations[0].project has the wrong type"),
                damaged("owner as list", entries(VALID_ENTRY.replace("\"owner\":null", "\"owner\":[]")), "allocations[0].owner has the wrong type"),
                damaged("pid as text", entries(VALID_ENTRY.replace("\"owner\":null", "\"owner\":{\"pid\":\"1\",\"startTime\":1,\"bootId\":\"b\"}")),
                        "allocations[0].owner.pid has the wrong type"),
                damaged("unknown state", entries(VALID_ENTRY.replace("\"held\"", "\"borrowed\"")), "neither \"held\" nor \"released\""),
                damaged("time not ISO-8601", entries(VALID_ENTRY.replace("2025-01-02T03:04:05Z", "yesterday")), "not an ISO-8601 time"),
                damaged("null entry", entries("null"), "allocations[0] lacks"),
                damaged("port zero", entries(VALID_ENTRY.replace("3000", "0")), "Invalid port 0"),
                damaged("port above 65535", entries(VALID_ENTRY.replace("3000", "70000")), "Invalid port 70000"),
                damaged("port beyond int", entries(VALID_ENTRY.replace("3000", "99999999999")), "port has the wrong type"),
                damaged("path as project name", entries(VALID_ENTRY.replace("\"web\"", "\"../../etc\"")), "Invalid project name"),
                damaged("project twice", entries(VALID_ENTRY, VALID_ENTRY.replace("3000", "3001")), "appears twice"),
                damaged("two holders of one port", entries(VALID_ENTRY, VALID_ENTRY.replace("\"web\"", "\"api\"")), "held by both"),
                damaged("released with an owner", entries(VALID_ENTRY.replace("\"held\"", "\"released\"")
                        .replace("\"owner\":null", "\"owner\":{\"pid\":1,\"startTime\":1,\"bootId\":\"b\"}")), "cannot have an owner"),
                damaged("duplicate key", "{\"schemaVersion\":1,\"schemaVersion\":1,\"allocations\":[]}", "not valid JSON"),
                damaged("trailing content", "{\"schemaVersion\":1,\"allocations\":[]} {}", "more after the JSON object"),
                damaged("deep nesting", "{\"schemaVersion\":1,\"allocations\":[],\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        "nested more than 64 levels"),
                damaged("larger than 1 MiB", "{\"schemaVersion\":1,\"allocations\":[]}" + " ".repeat(1024 * 1024), "larger than 1 MiB")));
        byte[] real = RegistryJson.encode(StoreFixture.sample());
        // Every cut before the closing brace is damage, wherever the writer might have stopped.
        for (int cut : new int[] {1, 2, 17, real.length / 4, real.length / 2, real.length * 3 / 4, real.length - 2}) {
            corpus.add(Arguments.of("truncated at byte " + cut + " of " + real.length, Arrays.copyOf(real, cut), "not valid JSON"));
        }
        return corpus.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedRegistries")
    void aReadWarnsAndLeavesTheFileAlone(String name, byte[] content, String reason) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(content);
        Object inode = StoreFixture.inode(fixture.data());

        Registry registry = fixture.store.read();

        assertThat(registry).isEqualTo(Registry.EMPTY);
        assertThat(fixture.warnings).singleElement().satisfies(warning -> assertThat(warning)
                .startsWith("Registry " + fixture.data() + " is damaged (")
                .contains(reason)
                .endsWith("; the next change will set it aside as .port-registry.json.corrupt-<timestamp>.")
                .doesNotContainPattern("\\p{Cntrl}"));
        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(content);
        assertThat(StoreFixture.inode(fixture.data())).isEqualTo(inode);
        assertThat(fixture.filesStartingWith(".port-registry.json.corrupt-")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedRegistries")
    void aChangeKeepsTheDamagedFileAsideAndStartsAfresh(String name, byte[] content, String reason) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(content);

        Registry published = fixture.add("fresh", 4000);

        assertThat(published.allocations().keySet()).containsExactly(ProjectName.of("fresh"));
        assertThat(fixture.store.read()).isEqualTo(published);
        List<Path> kept = fixture.filesStartingWith(".port-registry.json.corrupt-");
        assertThat(kept).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("\\.port-registry\\.json\\.corrupt-\\d{8}T\\d{6}\\.\\d{3}Z");
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
        });
        assertThat(fixture.warnings).singleElement().satisfies(warning -> assertThat(warning)
                .isEqualTo("Registry " + fixture.data() + " was damaged (" + reasonIn(warning) + "); kept it as " + kept.get(0)
                        + " and started a fresh one.")
                .contains(reason)
                .doesNotContainPattern("\\p{Cntrl}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedRegistries")
    void aSecondDamagedFileIsKeptUnderItsOwnName(String name, byte[] content, String reason) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(content);
        fixture.add("fresh", 4000);
        fixture.writeRegistry(content);

        fixture.add("fresh", 4000);

        assertThat(fixture.filesStartingWith(".port-registry.json.corrupt-")).hasSize(2)
                .allSatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(content));
    }

    private static Arguments damaged(String name, String content, String reason) {
        return Arguments.of(name, content.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static String entries(String... entries) {
        return "{\"schemaVersion\":1,\"lastCleanup\":null,\"allocations\":[" + String.join(",", entries) + "]}";
    }

    private static String reasonIn(String warning) {
        return warning.substring(warning.indexOf(" (") + 2, warning.indexOf("); kept it as "));
    }
}
