package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime directory, the registry or its lock file replaced by a symbolic link, given to
 * another user, or opened to group or world writes: localdb refuses with one line and exit code 4,
 * a change and a read alike, and touches nothing (the link's target least of all). Through the
 * launcher for the change, in this JVM for the reads.
 */
class UnsafeRuntimeFilesTest {
    /** "nobody" on Linux: a user that is not the one running the tests. */
    private static final int OTHER_UID = 65_534;

    @TempDir
    Path sandbox;
    Path home;
    Path runtime;
    Path elsewhere;
    String ranges;

    /** How the test spoils the home, and the start of the refusal it expects. */
    @FunctionalInterface
    interface Spoil {
        void apply(UnsafeRuntimeFilesTest test) throws Exception;
    }

    static Stream<Arguments> unsafe() {
        return Stream.of(
                unsafe("runtime directory is a symlink", t -> t.replaceBySymlink(t.runtime), "Runtime directory %s is a symbolic link"),
                unsafe("registry is a symlink", t -> t.replaceBySymlink(t.registry()), "Registry %s is a symbolic link"),
                unsafe("lock file is a symlink", t -> t.replaceBySymlink(t.lock()), "Registry lock file %s is a symbolic link"),
                unsafe("lock file is a dangling symlink", t -> {
                    Files.delete(t.lock());
                    Files.createSymbolicLink(t.lock(), t.elsewhere.resolve("not-there"));
                }, "Registry lock file %s is a symbolic link"),
                unsafe("runtime directory of another user", t -> t.giveAway(t.runtime), "Runtime directory %s belongs to user id 65534"),
                unsafe("registry of another user", t -> t.giveAway(t.registry()), "Registry %s belongs to user id 65534"),
                unsafe("lock file of another user", t -> t.giveAway(t.lock()), "Registry lock file %s belongs to user id 65534"),
                unsafe("group-writable runtime directory", t -> t.mode(t.runtime, "rwxrwx---"),
                        "Runtime directory %s can be written by other users (mode 0770)"),
                unsafe("world-writable runtime directory", t -> t.mode(t.runtime, "rwxrwxrwx"),
                        "Runtime directory %s can be written by other users (mode 0777)"),
                unsafe("group-writable registry", t -> t.mode(t.registry(), "rw-rw----"),
                        "Registry %s can be written by other users (mode 0660)"),
                unsafe("world-writable registry", t -> t.mode(t.registry(), "rw-rw-rw-"),
                        "Registry %s can be written by other users (mode 0666)"),
                unsafe("world-writable lock file", t -> t.mode(t.lock(), "rw-rw-rw-"),
                        "Registry lock file %s can be written by other users (mode 0666)"));
    }

    private static Arguments unsafe(String name, Spoil spoil, String refusal) {
        return Arguments.of(name, spoil, refusal);
    }

    @BeforeEach
    void aHomeInUse() throws Exception {
        home = sandbox.resolve("home");
        runtime = home.resolve("runtime");
        elsewhere = Files.createDirectory(sandbox.resolve("elsewhere"));
        int first = QuietPorts.block(10);
        ranges = first + "-" + (first + 9);
        Result seeded = inProcess().run("port", "seed");
        assertThat(seeded.exitCode()).as(seeded.toString()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void isRefusedWithOneLineAndNothingIsTouched(String name, Spoil spoil, String refusal) throws Exception {
        Path subject = refusal.startsWith("Runtime") ? runtime : refusal.startsWith("Registry lock") ? lock() : registry();
        String expected = "error: " + String.format(refusal, subject);
        spoil.apply(this);
        HomeSnapshot before = HomeSnapshot.of(sandbox);

        Result change = new LocalDbRunner(home).env("LOCALDB_PORT_RANGES", ranges).run("port", "web");
        Result read = inProcess().run("ports");

        for (Result result : new Result[] {change, read}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines()).as(result.toString()).singleElement().asString().startsWith(expected);
            CorruptionAssertions.assertUserFacing(result.err());
        }
        HomeSnapshot after = HomeSnapshot.of(sandbox);
        if (!subject.equals(registry())) {
            assertThat(after).as("nothing written anywhere, through a link least of all").isEqualTo(before);
        } else {
            // A change takes the lock (and notes its PID in the lock file) before it looks at the registry.
            String lockFile = sandbox.relativize(lock()).toString();
            assertThat(after.without(lockFile)).as("nothing written anywhere, through a link least of all")
                    .isEqualTo(before.without(lockFile));
        }
    }

    private InProcessLocalDb inProcess() {
        return new InProcessLocalDb(home, sandbox).env("LOCALDB_PORT_RANGES", ranges);
    }

    Path registry() {
        return RegistryFile.path(home);
    }

    Path lock() {
        return runtime.resolve(".port-registry.lock");
    }

    /** Moves the real thing elsewhere and leaves a link to it, as an attacker (or a dotfiles tool) might. */
    void replaceBySymlink(Path path) throws Exception {
        Path target = elsewhere.resolve(path.getFileName());
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(path, target);
    }

    void giveAway(Path path) throws Exception {
        assumeTrue(Files.getAttribute(sandbox, "unix:uid").equals(0), "giving a file to another user needs root");
        Files.setAttribute(path, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
    }

    void mode(Path path, String permissions) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
