package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #13 items 5 and 10 through {@code bin/localdb}: a project another user could have planted
 * or changed, or one whose folders are symbolic links, is never run and never written through;
 * {@code start} says so in one line naming the path and the fix (exit 4), and {@code doctor}
 * reports the same file as a problem (exit 1). A project.json others can only read still runs,
 * and doctor says it is readable.
 */
class PlantedProjectTest {
    /** "nobody" on Linux: a user that is not the one running the tests. */
    private static final int OTHER_UID = 65_534;

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    /** How the test spoils project "planted", the start of the refusal, and doctor's words for it. */
    @FunctionalInterface
    interface Spoil {
        void apply(PlantedProjectTest test) throws Exception;
    }

    static Stream<Arguments> planted() {
        return Stream.of(
                Arguments.of("project.json of another user", (Spoil) t -> t.giveAway(t.projectFile()),
                        "Project file %s belongs to user id 65534", "projects/planted/project.json (owned by user id 65534)"),
                Arguments.of("group-writable project.json", (Spoil) t -> t.mode(t.projectFile(), "rw-rw----"),
                        "Project file %s can be written by other users (mode 0660)", "projects/planted/project.json (0660, group-writable)"),
                Arguments.of("world-writable project folder", (Spoil) t -> t.mode(t.folder(), "rwxrwxrwx"),
                        "Project folder %s can be written by other users (mode 0777)", "projects/planted (0777, world-writable)"),
                Arguments.of("project folder of another user", (Spoil) t -> t.giveAway(t.folder()),
                        "Project folder %s belongs to user id 65534", "projects/planted (owned by user id 65534)"),
                Arguments.of("symlinked project folder", (Spoil) t -> t.replaceBySymlink(t.folder()),
                        "Project folder %s is a symbolic link", "projects/planted (symbolic link)"),
                Arguments.of("symlinked data folder", (Spoil) t -> t.replaceBySymlink(t.folder().resolve("data")),
                        "Data folder %s is a symbolic link", "projects/planted/data (symbolic link)"),
                Arguments.of("world-writable projects folder", (Spoil) t -> t.mode(t.folder().getParent(), "rwxrwxrwx"),
                        "Projects folder %s can be written by other users (mode 0777)", "projects (0777, world-writable)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planted")
    void isNeverRunAndDoctorNamesIt(String name, Spoil spoil, String refusal, String doctorEntry) throws Exception {
        Path ran = sandbox.scratch().resolve("ran");
        Result created = sandbox.localdb().run("new", "planted", "--command", "touch '" + ran + "'; exec sleep 60");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Path subject = refusal.startsWith("Project file") ? projectFile()
                : refusal.startsWith("Data folder") ? folder().resolve("data")
                : refusal.startsWith("Projects folder") ? folder().getParent() : folder();
        spoil.apply(this);

        Result start = sandbox.localdb().run("start", "planted", "--no-browser");

        assertThat(start.exitCode()).as(start.toString()).isEqualTo(4);
        assertThat(start.err().lines()).as(start.toString()).singleElement().asString()
                .startsWith("error: " + String.format(refusal, subject));
        CorruptionAssertions.assertUserFacing(start.err());
        assertThat(ran).as("the planted command never ran").doesNotExist();
        assertThat(sandbox.scratch().resolve("elsewhere")).satisfiesAnyOf(
                target -> assertThat(target).doesNotExist(),
                target -> assertThat(Files.exists(target.resolve("server.json"))).as("nothing written through the link").isFalse());

        Result doctor = sandbox.localdb().run("doctor");
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).contains("home files others could change").contains(doctorEntry);
    }

    @Test
    void aProjectFileOthersCanOnlyReadStillRunsAndDoctorSaysItIsReadable() throws Exception {
        assertThat(sandbox.localdb().run("new", "shared").exitCode()).isZero();
        mode(sandbox.home().resolve("projects/shared/project.json"), "rw-r--r--");

        Result start = sandbox.localdb().run("start", "shared", "--no-browser");
        assertThat(start.exitCode()).as(start.toString()).isZero();

        Result doctor = sandbox.localdb().run("doctor");
        assertThat(doctor.out()).contains("home files others can read").contains("projects/shared/project.json (0644)")
                .contains("chmod -R go-rwx");
        assertThat(doctor.out()).doesNotContain("home files others could change: 1");
    }

    Path folder() {
        return sandbox.home().resolve("projects/planted");
    }

    Path projectFile() {
        return folder().resolve("project.json");
    }

    /** Moves the real thing elsewhere and leaves a link to it. */
    void replaceBySymlink(Path path) throws Exception {
        Path target = sandbox.scratch().resolve("elsewhere");
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(path, target);
    }

    void giveAway(Path path) throws Exception {
        assumeTrue(Files.getAttribute(sandbox.home(), "unix:uid").equals(0), "giving a file to another user needs root");
        Files.setAttribute(path, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
    }

    void mode(Path path, String permissions) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
