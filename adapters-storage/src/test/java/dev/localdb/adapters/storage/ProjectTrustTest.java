package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project is a command localdb runs as you, so its files get the runtime rules (issue #13 items
 * 5 and 10): the home, {@code projects/}, the project folder, its data folder and
 * {@code project.json} must be real (no symbolic link), yours, and not writable by group or
 * others. Anything else is refused with one line naming the path and the fix; {@code list} skips
 * such a project with that line as a warning.
 */
class ProjectTrustTest {
    private static final int OTHER_UID = 65_534;
    private static final ProjectName SHOP = ProjectName.of("shop");

    @TempDir
    Path sandbox;
    Path home;
    Path root;
    Path folder;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    JsonProjectCatalog catalog;

    @BeforeEach
    void aProjectWithACommand() throws Exception {
        home = Files.createDirectory(sandbox.resolve("home"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        root = home.resolve("projects");
        folder = root.resolve("shop");
        catalog = new JsonProjectCatalog(root, warnings::add);
        catalog.create(new ProjectConfig(SHOP, Optional.empty(), Optional.of("touch marker"), Optional.empty(), Instant.EPOCH));
    }

    @Test
    void aProjectOfYoursIsTrusted() {
        assertThat(catalog.find(SHOP)).isPresent();
        assertThat(catalog.list()).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aProjectFileOfAnotherUserIsRefusedAndSkipped() throws Exception {
        giveAway(folder.resolve("project.json"));

        refused("Project file " + folder.resolve("project.json") + " belongs to user id 65534, not to you",
                "localdb runs nothing another user could have written");
    }

    @Test
    void aProjectFolderOfAnotherUserIsRefused() throws Exception {
        giveAway(folder);

        refused("Project folder " + folder + " belongs to user id 65534, not to you", "chown");
    }

    @Test
    void aProjectsFolderOrHomeOfAnotherUserIsRefused() throws Exception {
        giveAway(root);
        assertThatThrownBy(() -> catalog.find(SHOP)).isInstanceOf(StateUnusableException.class)
                .hasMessageStartingWith("Projects folder " + root + " belongs to user id 65534");
        assertThatThrownBy(catalog::list).isInstanceOf(StateUnusableException.class);
        Files.setAttribute(root, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);

        giveAway(home);
        assertThatThrownBy(() -> catalog.find(SHOP)).isInstanceOf(StateUnusableException.class)
                .hasMessageStartingWith("LocalDB home " + home + " belongs to user id 65534");
    }

    @Test
    void aGroupWritableProjectFolderOrFileIsRefused() throws Exception {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));
        refused("Project folder " + folder + " can be written by other users (mode 0770)", "chmod 700 '" + folder + "'");

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(folder.resolve("project.json"), PosixFilePermissions.fromString("rw-rw-rw-"));
        refused("Project file " + folder.resolve("project.json") + " can be written by other users (mode 0666)", "chmod 600");
    }

    @Test
    void aProjectFileOthersMayOnlyReadIsUsed() throws Exception {
        // Refusing what others can read would help nobody: the secret is out already. doctor says so.
        Files.setPosixFilePermissions(folder.resolve("project.json"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(catalog.find(SHOP)).isPresent();
    }

    @Test
    void aSymlinkedProjectFolderIsRefused() throws Exception {
        Path target = sandbox.resolve("elsewhere");
        Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(folder, target);

        refused("Project folder " + folder + " is a symbolic link, which localdb refuses to follow", "replace it");
    }

    @Test
    void aSymlinkedDataFolderIsRefusedEvenDangling() throws Exception {
        Path data = folder.resolve("data");
        Files.delete(data);
        Files.createSymbolicLink(data, sandbox.resolve("not-there"));

        refused("Data folder " + data + " is a symbolic link, which localdb refuses to follow", "replace it");
        assertThat(sandbox.resolve("not-there")).doesNotExist();
    }

    private void refused(String start, String fix) {
        assertThatThrownBy(() -> catalog.find(SHOP)).isInstanceOf(StateUnusableException.class)
                .hasMessageStartingWith(start).hasMessageContaining(fix)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        warnings.clear();
        assertThat(catalog.list()).isEmpty();
        assertThat(warnings).singleElement().asString().contains(start);
    }

    private void giveAway(Path path) throws Exception {
        assumeTrue(Files.getAttribute(sandbox, "unix:uid").equals(0), "giving a file to another user needs root");
        Files.setAttribute(path, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
    }
}
