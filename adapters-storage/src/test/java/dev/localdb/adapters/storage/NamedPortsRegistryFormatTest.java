package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema 2: an entry's named ports. Written only when some entry has them, so a registry without
 * named ports is the very file older versions wrote and read; with them, the version tells an
 * older localdb to look but never write.
 */
class NamedPortsRegistryFormatTest {
    static final String SCHEMA_2_FILE = """
            {
              "schemaVersion": 2,
              "lastCleanup": null,
              "allocations": [
                {
                  "project": "docs",
                  "port": 3003,
                  "state": "released",
                  "owner": null,
                  "allocatedAt": "2025-01-02T03:04:05Z"
                },
                {
                  "project": "web",
                  "port": 3000,
                  "state": "held",
                  "owner": {
                    "pid": 12345,
                    "startTime": 987654,
                    "bootId": "6f1c-boot"
                  },
                  "allocatedAt": "2025-01-02T03:04:05.678Z",
                  "namedPorts": {
                    "api": 3001,
                    "debug-ui": 3002
                  }
                }
              ]
            }
            """;
    private static final String VALID_ENTRY =
            "{\"project\":\"web\",\"port\":3000,\"state\":\"held\",\"owner\":null,\"allocatedAt\":\"2025-01-02T03:04:05Z\"";

    @TempDir
    Path home;

    static Registry withNamedPorts() {
        return Registry.of(List.of(
                Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.of(new ProcessIdentity(12345, 987654, "6f1c-boot")),
                        Instant.parse("2025-01-02T03:04:05.678Z"))
                        .withNamedPorts(Map.of(PortName.of("debug-ui"), PortNumber.of(3002), PortName.of("api"), PortNumber.of(3001))),
                Allocation.held(ProjectName.of("docs"), PortNumber.of(3003), Optional.empty(), Instant.parse("2025-01-02T03:04:05Z"))
                        .released()),
                Optional.empty());
    }

    @Test
    void aRegistryWithNamedPortsIsWrittenAsSchemaTwoWithTheNamesSorted() throws Exception {
        StoreFixture fixture = new StoreFixture(home);

        fixture.store.update(current -> new Outcome<>(withNamedPorts(), null));

        assertThat(Files.readString(fixture.data(), StandardCharsets.UTF_8)).isEqualTo(SCHEMA_2_FILE);
    }

    @Test
    void theSchemaTwoFileReadsBackExactly() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(SCHEMA_2_FILE.getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.store.read()).isEqualTo(withNamedPorts());
        Registry seenByAChange = fixture.store.update(current -> new Outcome<>(current, current));
        assertThat(seenByAChange).isEqualTo(withNamedPorts());
        assertThat(fixture.warnings).isEmpty();
    }

    @Test
    void withoutNamedPortsTheFileIsTheSchemaOneFileOlderVersionsWrote() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.store.update(current -> new Outcome<>(withNamedPorts(), null));

        fixture.store.update(current -> new Outcome<>(StoreFixture.sample(), null));

        assertThat(Files.readString(fixture.data(), StandardCharsets.UTF_8)).isEqualTo(RegistryFileFormatTest.SAMPLE_FILE);
    }

    @Test
    void aSchemaOneFileFromAnOlderVersionIsReadAndChangedWithoutWarning() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(RegistryFileFormatTest.SAMPLE_FILE.getBytes(StandardCharsets.UTF_8));

        fixture.add("new", 4000);

        assertThat(fixture.store.read()).isEqualTo(StoreFixture.sample().with(Allocation.held(ProjectName.of("new"),
                PortNumber.of(4000), Optional.empty(), Instant.parse("2025-01-02T03:04:05Z"))));
        assertThat(Files.readString(fixture.data())).startsWith("{\n  \"schemaVersion\": 1,").doesNotContain("namedPorts");
        assertThat(fixture.warnings).isEmpty();
    }

    static Stream<Arguments> damagedNamedPorts() {
        return Stream.of(
                damaged("named ports as a list", ",\"namedPorts\":[3001]}", "allocations[0].namedPorts has the wrong type"),
                damaged("port as text", ",\"namedPorts\":{\"api\":\"3001\"}}", "allocations[0].namedPorts.api has the wrong type"),
                damaged("port with a fraction", ",\"namedPorts\":{\"api\":3001.5}}", "allocations[0].namedPorts.api has the wrong type"),
                damaged("port null", ",\"namedPorts\":{\"api\":null}}", "allocations[0].namedPorts lacks the port of a named port"),
                damaged("port out of range", ",\"namedPorts\":{\"api\":70000}}", "Invalid port 70000"),
                damaged("invalid name", ",\"namedPorts\":{\"API\":3001}}", "Invalid port name \"API\""),
                damaged("name with a control character", ",\"namedPorts\":{\"a\\u001bb\":3001}}", "Invalid port name \"a\\u001bb\""),
                damaged("reserved name", ",\"namedPorts\":{\"port\":3001}}", "Port name \"port\" is reserved"),
                damaged("name twice", ",\"namedPorts\":{\"api\":3001,\"api\":3002}}", "not valid JSON"),
                damaged("named port is the main port", ",\"namedPorts\":{\"api\":3000}}", "Port 3000 appears twice among the ports of web"),
                damaged("one port under two names", ",\"namedPorts\":{\"api\":3001,\"ui\":3001}}", "Port 3001 appears twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedNamedPorts")
    void damagedNamedPortsAreDamageNotData(String name, byte[] content, String reason) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(content);

        assertThat(fixture.store.read()).isEqualTo(Registry.EMPTY);

        assertThat(fixture.warnings).singleElement().satisfies(warning -> assertThat(warning)
                .contains("is damaged (").contains(reason).doesNotContainPattern("\\p{Cntrl}"));
    }

    @Test
    void aNamedPortHeldByAnotherProjectIsDamage() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(("{\"schemaVersion\":2,\"allocations\":[" + VALID_ENTRY + ",\"namedPorts\":{\"api\":3001}},"
                + VALID_ENTRY.replace("\"web\"", "\"docs\"").replace("3000", "3001") + "}]}").getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.store.read()).isEqualTo(Registry.EMPTY);

        assertThat(fixture.warnings).singleElement().satisfies(warning -> assertThat(warning).contains("Port 3001 is held by both docs and web"));
    }

    private static Arguments damaged(String name, String namedPortsAndEnd, String reason) {
        String content = "{\"schemaVersion\":2,\"lastCleanup\":null,\"allocations\":[" + VALID_ENTRY + namedPortsAndEnd + "]}";
        return Arguments.of(name, content.getBytes(StandardCharsets.UTF_8), reason);
    }
}
