package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry is read token by token, so strictness must not depend on where the damage is:
 * wrong JSON types anywhere in what this version maps, and broken JSON even inside fields it
 * skips, are damage with a reason that names the place.
 */
class StrictRegistryReadingTest {
    private static final String ENTRY =
            "{\"project\":\"web\",\"port\":3000,\"state\":\"held\",\"owner\":null,\"allocatedAt\":\"2025-01-02T03:04:05Z\"}";

    @TempDir
    Path home;

    static Stream<Arguments> damaged() {
        return Stream.of(
                damaged("schemaVersion null", "{\"schemaVersion\":null,\"allocations\":[]}", "schemaVersion is not a positive whole number"),
                damaged("schemaVersion 1.0", "{\"schemaVersion\":1.0,\"allocations\":[]}", "schemaVersion is not a positive whole number"),
                damaged("schemaVersion beyond int", "{\"schemaVersion\":4294967297,\"allocations\":[]}", "schemaVersion is not a positive whole number"),
                damaged("schemaVersion only nested", "{\"x\":{\"schemaVersion\":1},\"allocations\":[]}", "schemaVersion is missing"),
                damaged("port 3000.0", entries(ENTRY.replace("3000", "3000.0")), "allocations[0].port has the wrong type"),
                damaged("port true", entries(ENTRY.replace("3000", "true")), "allocations[0].port has the wrong type"),
                damaged("state as list", entries(ENTRY.replace("\"held\"", "[\"held\"]")), "allocations[0].state has the wrong type"),
                damaged("entry as number", entries(ENTRY, "7"), "allocations[1] has the wrong type"),
                damaged("owner as text", entries(ENTRY.replace("\"owner\":null", "\"owner\":\"me\"")), "allocations[0].owner has the wrong type"),
                damaged("pid beyond long", entries(ENTRY.replace("\"owner\":null",
                        "\"owner\":{\"pid\":9223372036854775808,\"startTime\":1,\"bootId\":\"b\"}")), "allocations[0].owner.pid has the wrong type"),
                damaged("lastCleanup as number", "{\"schemaVersion\":1,\"lastCleanup\":1,\"allocations\":[]}", "lastCleanup has the wrong type"),
                damaged("first of two errors wins", entries(ENTRY.replace("\"web\"", "1").replace("3000", "\"3000\"")),
                        "allocations[0].project has the wrong type"),
                damaged("duplicate key in an unknown field", "{\"schemaVersion\":1,\"x\":{\"a\":1,\"a\":2},\"allocations\":[]}", "not valid JSON"),
                damaged("control character in an unknown field", "{\"schemaVersion\":1,\"x\":\"a\u0001b\",\"allocations\":[]}", "not valid JSON"),
                Arguments.of("invalid UTF-8 in an unknown field", concat("{\"schemaVersion\":1,\"x\":\"a", new byte[] {(byte) 0xc3, '('},
                        "\",\"allocations\":[]}"), "not valid JSON"),
                damaged("40-digit number in an unknown field", "{\"schemaVersion\":1,\"x\":" + "9".repeat(40) + ",\"allocations\":[]}",
                        "oversized value"),
                damaged("nesting past 64 in an unknown field", "{\"schemaVersion\":1,\"x\":" + "[".repeat(70) + "]".repeat(70)
                        + ",\"allocations\":[]}", "nested more than 64 levels"),
                damaged("trailing content after a valid document", "{\"schemaVersion\":1,\"allocations\":[]}[]", "more after the JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damageAnywhereIsReportedWithItsPlace(String name, byte[] content, String reason) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(content);

        assertThat(fixture.store.read()).isEqualTo(Registry.EMPTY);

        assertThat(fixture.warnings).singleElement().satisfies(warning -> assertThat(warning)
                .startsWith("Registry " + fixture.data() + " is damaged (")
                .contains(reason));
    }

    @Test
    void nullsAndUnknownFieldsOfEveryShapeAreNotDamage() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(("{\"allocations\":[" + ENTRY.replace("\"owner\":null", "\"owner\":null,\"x\":{\"y\":[1,2.5,true,null,\"z\"]}")
                + "],\"lastCleanup\":null,\"future\":[[{}]],\"schemaVersion\":1}").getBytes(StandardCharsets.UTF_8));

        Registry registry = fixture.store.read();

        assertThat(registry.allocations().keySet()).containsExactly(ProjectName.of("web"));
        assertThat(registry.lastCleanup()).isEmpty();
        assertThat(fixture.warnings).isEmpty();
    }

    private static Arguments damaged(String name, String content, String reason) {
        return Arguments.of(name, content.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static String entries(String... entries) {
        return "{\"schemaVersion\":1,\"lastCleanup\":null,\"allocations\":[" + String.join(",", entries) + "]}";
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(middle, 0, all, h.length, middle.length);
        System.arraycopy(t, 0, all, h.length + middle.length, t.length);
        return all;
    }
}
