package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry from a newer localdb can be looked at, but this version never rewrites it. */
class NewerSchemaTest {
    // Schema 2 (named ports) is this version's own; a newer one is 3 or more.
    private static final String SCHEMA_3 = """
            {"schemaVersion": 3, "lastCleanup": null, "labels": {"team": ["a", "b"]},
             "allocations": [{"project": "web", "port": 3000, "state": "held", "owner": null,
                              "allocatedAt": "2025-01-02T03:04:05Z", "protocol": "https"}]}
            """;
    private static final String SCHEMA_4_UNREADABLE = "{\"schemaVersion\":4,\"allocations\":{\"web\":3000}}";

    @TempDir
    Path home;

    @Test
    void aReadShowsWhatThisVersionUnderstandsAndWarns() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(SCHEMA_3.getBytes(StandardCharsets.UTF_8));

        Registry registry = fixture.store.read();

        assertThat(registry.allocations().keySet()).containsExactly(ProjectName.of("web"));
        assertThat(fixture.warnings).containsExactly("Registry " + fixture.data() + " was written by a newer localdb (schema 3);"
                + " showing what this version understands. Upgrade localdb to change it.");
    }

    @Test
    void aChangeIsRefusedAndTheFileStaysByteIdentical() throws Exception {
        assertChangeRefused(SCHEMA_3, 3);
    }

    @Test
    void aNewerFileThisVersionCannotMapIsStillNeverOverwritten() throws Exception {
        assertChangeRefused(SCHEMA_4_UNREADABLE, 4);
    }

    @Test
    void aNewerFileThisVersionCannotMapReadsAsEmptyWithAWarning() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(SCHEMA_4_UNREADABLE.getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.store.read()).isEqualTo(Registry.EMPTY);

        assertThat(fixture.warnings).singleElement().satisfies(warning -> assertThat(warning)
                .contains("written by a newer localdb (schema 4) and this version cannot read it (allocations has the wrong type)")
                .endsWith("upgrade localdb."));
        assertThat(Files.readString(fixture.data())).isEqualTo(SCHEMA_4_UNREADABLE);
    }

    private void assertChangeRefused(String content, int schema) throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(content.getBytes(StandardCharsets.UTF_8));
        Object inode = StoreFixture.inode(fixture.data());
        FileTime modified = Files.getLastModifiedTime(fixture.data());
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> fixture.store.update(current -> {
            ran.set(true);
            return new Outcome<>(Registry.EMPTY, null);
        }))
                .isInstanceOf(RegistryUnusableException.class)
                .hasMessage("Registry " + fixture.data() + " was written by a newer localdb (schema " + schema
                        + "); upgrade localdb — it will not be overwritten.");

        assertThat(ran).isFalse();
        assertThat(Files.readString(fixture.data())).isEqualTo(content);
        assertThat(StoreFixture.inode(fixture.data())).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(fixture.data())).isEqualTo(modified);
        assertThat(fixture.filesStartingWith(".port-registry.json")).containsExactly(fixture.data());
        assertThat(fixture.warnings).isEmpty();
    }
}
