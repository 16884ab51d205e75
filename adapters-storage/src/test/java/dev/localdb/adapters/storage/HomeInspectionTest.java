package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.diagnostics.HealthCheck.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What doctor says about the home's permissions, on real files; and that looking changes nothing. */
class HomeInspectionTest {
    @TempDir
    Path temp;
    Path home;
    private Map<String, String> before;

    @BeforeEach
    void privateHomeWithARegistry() throws IOException {
        home = Files.createDirectory(temp.resolve("home"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        new StoreFixture(home).add("web", 3000);
    }

    @AfterEach
    void lookingChangedNothing() throws IOException {
        if (before != null) {
            assertThat(FileTreeSnapshot.of(temp)).isEqualTo(before);
        }
    }

    @Test
    void aHomeAsLocaldbCreatesItIsHealthy() throws IOException {
        List<HealthCheck> checks = check();

        assertThat(checks).extracting(HealthCheck::status).containsExactly(Status.OK, Status.OK, Status.OK);
    }

    @Test
    void aHomeThatDoesNotExistYetIsFine() throws IOException {
        Path missing = temp.resolve("not-yet");
        before = FileTreeSnapshot.of(temp);

        assertThat(HomeInspection.check(missing)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.OK);
            assertThat(c.message()).contains("does not exist yet");
        });
        assertThat(missing).doesNotExist();
    }

    @Test
    void aHomeOthersCanEnterIsAProblemWithTheCommandThatFixesIt() throws IOException {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        HealthCheck root = check().get(0);

        assertThat(root.status()).isEqualTo(Status.PROBLEM);
        assertThat(root.message()).contains("mode 0755").contains("chmod 700 '" + home + "'");
    }

    @Test
    void aGroupWritableFileIsAProblemNamingTheFileAndTheFix() throws IOException {
        Path registry = home.resolve("localdb-home/run/.port-registry.json");
        Files.setPosixFilePermissions(registry, PosixFilePermissions.fromString("rw-rw----"));

        HealthCheck unsafe = check().get(1);

        assertThat(unsafe.status()).isEqualTo(Status.PROBLEM);
        assertThat(unsafe.message()).contains("localdb-home/run/.port-registry.json (0660, group-writable)")
                .contains("chmod -R go-rwx '" + home + "'");
    }

    @Test
    void aFileOthersCanOnlyReadIsReportedSeparately() throws IOException {
        Files.setPosixFilePermissions(home.resolve("localdb-home/run/.port-registry.lock"), PosixFilePermissions.fromString("rw-r--r--"));

        List<HealthCheck> checks = check();

        assertThat(checks.get(1).status()).isEqualTo(Status.OK);
        assertThat(checks.get(2).status()).isEqualTo(Status.PROBLEM);
        assertThat(checks.get(2).message()).contains(".port-registry.lock (0644)").contains("chmod -R go-rwx");
    }

    @Test
    void aSymbolicLinkInsideIsNeitherFollowedNorTrusted() throws IOException {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "x");
        Files.setPosixFilePermissions(outside.resolve("secret"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.createSymbolicLink(home.resolve("projects"), outside);

        List<HealthCheck> checks = check();

        assertThat(checks.get(1).message()).contains("projects (symbolic link)").doesNotContain("secret");
    }

    @Test
    void aHomeThatIsASymbolicLinkIsAProblem() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("link"), home);
        before = FileTreeSnapshot.of(temp);

        assertThat(HomeInspection.check(link)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.PROBLEM);
            assertThat(c.message()).contains("symbolic link").contains("LOCALDB_HOME");
        });
    }

    @Test
    void manyOffendersAreCountedButOnlyAFewListed() throws IOException {
        for (int i = 0; i < 5; i++) {
            Files.writeString(home.resolve("f" + i), "x"); // created with the umask, readable by others
            Files.setPosixFilePermissions(home.resolve("f" + i), PosixFilePermissions.fromString("rw-r-----"));
        }

        HealthCheck readable = check().get(2);

        assertThat(readable.message()).startsWith("5 entries").contains("and 2 more");
    }

    /** Snapshots the tree after the test's setup, so the after-each check proves the inspection itself wrote nothing. */
    private List<HealthCheck> check() throws IOException {
        before = FileTreeSnapshot.of(temp);
        return HomeInspection.check(home);
    }
}
