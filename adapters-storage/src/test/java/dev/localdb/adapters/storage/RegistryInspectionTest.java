package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.RegistryInspection.Findings;
import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.diagnostics.HealthCheck.Status;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's look at the registry: the same reading rules as the store, and never a write, even when damaged. */
class RegistryInspectionTest {
    @TempDir
    Path home;
    private Map<String, String> before;

    @AfterEach
    void lookingChangedNothing() throws IOException {
        assertThat(before).as("the test inspected").isNotNull();
        assertThat(FileTreeSnapshot.of(home)).isEqualTo(before);
    }

    @Test
    void noRuntimeDirectoryMeansNothingAllocatedYetAndNothingIsCreated() throws IOException {
        Findings findings = inspect(home.resolve("runtime"));

        assertThat(findings.checks()).singleElement().extracting(HealthCheck::status).isEqualTo(Status.OK);
        assertThat(findings.registry()).contains(Registry.EMPTY);
        assertThat(home.resolve("runtime")).doesNotExist();
    }

    @Test
    void aHealthyRegistryIsReadWithItsEntries() throws IOException {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);

        Findings findings = inspect(fixture.runtime);

        assertThat(findings.checks()).extracting(HealthCheck::status).containsExactly(Status.OK, Status.OK, Status.OK);
        assertThat(findings.checks().get(0).message()).contains("schema 1, 1 entry");
        assertThat(findings.registry().orElseThrow().allocations()).containsKey(ProjectName.of("web"));
    }

    @Test
    void aDamagedRegistryIsAProblemThatSaysWhatToDoAndIsLeftWhereItIs() throws IOException {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry("{\"schemaVersion\": 1, \"allocations\": [".getBytes(StandardCharsets.UTF_8));

        Findings findings = inspect(fixture.runtime);

        assertThat(findings.checks().get(0).status()).isEqualTo(Status.PROBLEM);
        assertThat(findings.checks().get(0).message()).contains("is damaged").contains("localdb ports --cleanup");
        assertThat(findings.registry()).isEmpty();
        assertThat(fixture.filesStartingWith(RegistryFiles.CORRUPT_PREFIX)).isEmpty();
    }

    @Test
    void aNewerSchemaIsShownButIsAProblemUntilLocaldbIsUpgraded() throws IOException {
        StoreFixture fixture = new StoreFixture(home);
        fixture.writeRegistry(("{\"schemaVersion\": 3, \"allocations\": [{\"project\": \"web\", \"port\": 3000, \"state\": \"held\","
                + " \"allocatedAt\": \"2025-01-02T03:04:05Z\"}]}").getBytes(StandardCharsets.UTF_8));

        Findings findings = inspect(fixture.runtime);

        assertThat(findings.checks().get(0).status()).isEqualTo(Status.PROBLEM);
        assertThat(findings.checks().get(0).message()).contains("newer localdb (schema 3").contains("upgrade localdb");
        assertThat(findings.registry().orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void aRegistryOthersCanWriteIsRefusedAsTheStoreWouldWithItsFix() throws IOException {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        Files.setPosixFilePermissions(fixture.data(), PosixFilePermissions.fromString("rw-rw----"));

        Findings findings = inspect(fixture.runtime);

        assertThat(findings.checks().get(0).status()).isEqualTo(Status.PROBLEM);
        assertThat(findings.checks().get(0).message()).contains("can be written by other users").contains("chmod 600");
    }

    @Test
    void leftoverTempFilesAreHarmlessAndBackupsAskToBeLookedAt() throws IOException {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        Files.writeString(fixture.runtime.resolve(RegistryFiles.TEMP_PREFIX + "123-abc"), "{");
        Files.writeString(fixture.runtime.resolve(RegistryFiles.CORRUPT_PREFIX + "20250102T030405.678Z"), "garbage");

        Findings findings = inspect(fixture.runtime);

        assertThat(findings.checks().get(1).status()).isEqualTo(Status.INFO);
        assertThat(findings.checks().get(1).message()).contains("next change removes them");
        assertThat(findings.checks().get(2).status()).isEqualTo(Status.PROBLEM);
        assertThat(findings.checks().get(2).message()).contains(".corrupt-20250102T030405.678Z").contains("delete them");
    }

    private Findings inspect(Path runtime) throws IOException {
        before = FileTreeSnapshot.of(home);
        return RegistryInspection.inspect(runtime);
    }
}
