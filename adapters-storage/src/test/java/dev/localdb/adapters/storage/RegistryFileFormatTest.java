package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file is documented and meant to be read (and diffed) by people: its exact shape is part of the contract. */
class RegistryFileFormatTest {
    @TempDir
    Path home;

    static final String SAMPLE_FILE = """
            {
              "schemaVersion": 1,
              "lastCleanup": "2025-01-02T03:00:00Z",
              "allocations": [
                {
                  "project": "api",
                  "port": 3001,
                  "state": "released",
                  "owner": null,
                  "allocatedAt": "2025-01-02T03:04:05Z"
                },
                {
                  "project": "docs",
                  "port": 3002,
                  "state": "held",
                  "owner": null,
                  "allocatedAt": "2025-01-03T00:00:00.000000001Z"
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
                  "allocatedAt": "2025-01-02T03:04:05.678Z"
                }
              ]
            }
            """;

    @Test
    void writesSchemaOneSortedByProjectWithIsoTimes() throws Exception {
        StoreFixture fixture = new StoreFixture(home);

        fixture.store.update(current -> new Outcome<>(StoreFixture.sample(), null));

        assertThat(Files.readString(fixture.data(), StandardCharsets.UTF_8)).isEqualTo(SAMPLE_FILE);
    }

    @Test
    void anEmptyRegistryIsWrittenWithNullLastCleanup() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);

        fixture.store.update(current -> new Outcome<>(Registry.EMPTY, null));

        assertThat(Files.readString(fixture.data())).isEqualTo("""
                {
                  "schemaVersion": 1,
                  "lastCleanup": null,
                  "allocations": [ ]
                }
                """);
    }

    @Test
    void readsAFileWrittenByHandAndToleratesFieldsItDoesNotKnow() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry("""
                {"allocations":[{"note":"by hand","allocatedAt":"2025-01-02T03:04:05Z","state":"held",
                  "port":3000,"project":"web","owner":{"bootId":"b","pid":7,"startTime":1,"extra":[1,2]}}],
                 "schemaVersion":1,"comment":{"any":["shape"]}}""".getBytes(StandardCharsets.UTF_8));

        Registry registry = fixture.store.read();

        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.list().get(0).owner()).hasValueSatisfying(owner -> assertThat(owner.pid()).isEqualTo(7));
        assertThat(registry.lastCleanup()).isEmpty();
        assertThat(fixture.warnings).isEmpty();
    }

    @Test
    void theSampleFileReadsBackAsTheSampleRegistry() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(SAMPLE_FILE.getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.store.read()).isEqualTo(StoreFixture.sample());
        assertThat(fixture.warnings).isEmpty();
    }
}
