package dev.localdb.testsuite.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.PlatformUnderTest;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code localdb doctor} end to end: healthy homes pass, each kind of damage is one problem line
 * with what to do, and doctor never changes a file (the home's files, modes and mtimes are
 * compared before and after every run).
 */
class DoctorTest {
    @TempDir
    Path home;
    LocalDbRunner localdb;

    @BeforeEach
    void setUp() {
        int first = QuietPorts.block(10);
        // Quiet ports below the ephemeral range, so the range check passes on any ordinary Linux.
        localdb = new LocalDbRunner(home).env("LOCALDB_PORT_RANGES", first + "-" + (first + 9));
    }

    @Test
    void aHealthyHomePassesWithExitCodeZero() throws Exception {
        localdb.run("port", "web").port();

        Result doctor = doctorChangingNothing();

        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("[ok]      home: ").contains("[ok]      registry: ").contains("No problems found.")
                .doesNotContain("[PROBLEM]");
    }

    @Test
    void aGroupWritableFileIsAProblemWithTheCommandThatFixesIt() throws Exception {
        localdb.run("port", "web").port();
        Files.setPosixFilePermissions(RegistryFile.path(home), PosixFilePermissions.fromString("rw-rw----"));

        Result doctor = doctorChangingNothing();

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).contains("[PROBLEM] home files others could change: 1 entry localdb refuses to trust: "
                + "runtime/.port-registry.json (0660, group-writable); fix with: chmod -R go-rwx '" + home + "'");
        assertThat(Files.getPosixFilePermissions(RegistryFile.path(home))).as("doctor repairs nothing")
                .isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
    }

    @Test
    void aStaleEntryIsInformationBecauseItBlocksNobody() throws Exception {
        int port = localdb.run("port", "web").port();
        DeadOwner.give(home, "web");

        Result doctor = doctorChangingNothing();

        assertThat(doctor.exitCode()).as("information never fails the run: " + doctor).isZero();
        assertThat(doctor.out()).contains("[info]    stale allocations: 1 held by processes that are gone (web " + port
                + "); run 'localdb ports --cleanup'");
        assertThat(RegistryFile.allocation(home, "web").get("state").asText()).isEqualTo("held");

        assertThat(localdb.run("ports", "--cleanup").exitCode()).isZero();
        Result after = localdb.run("doctor");
        assertThat(after.exitCode()).as("the advice works: " + after).isZero();
    }

    @Test
    void aDamagedRegistryIsAProblemAndIsLeftExactlyAsItIs() throws Exception {
        localdb.run("port", "web").port();
        Files.writeString(RegistryFile.path(home), "{\"schemaVersion\": 1, \"allocations\": [");

        Result doctor = doctorChangingNothing();

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).contains("[PROBLEM] registry: " + RegistryFile.path(home) + " is damaged (")
                .contains("'localdb ports --cleanup' sets it aside");
        try (var files = Files.list(home.resolve("runtime"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains(".corrupt-"));
        }
    }

    @Test
    void jsonListsTheChecksAndSaysWhetherAllIsWell() throws Exception {
        localdb.run("port", "web").port();
        DeadOwner.give(home, "web");
        Map<String, String> before = HomeSnapshot.of(home);

        Result doctor = localdb.run("doctor", "--json");

        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(doctor.out());
        assertThat(json.get("healthy").asBoolean()).as("a stale entry is information only").isTrue();
        assertThat(json.get("problems").asInt()).isZero();
        assertThat(json.get("checks")).anySatisfy(check -> {
            assertThat(check.get("name").asText()).isEqualTo("stale allocations");
            assertThat(check.get("status").asText()).isEqualTo("info");
        });
        assertThat(HomeSnapshot.of(home)).isEqualTo(before);
    }

    @Test
    void aHomeThatDoesNotExistYetIsHealthyAndIsNotCreated() throws Exception {
        Path missing = home.resolve("not-yet");
        LocalDbRunner fresh = new LocalDbRunner(missing).env("LOCALDB_PORT_RANGES", "3000-9999");

        Result doctor = fresh.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("does not exist yet");
        assertThat(missing).doesNotExist();
    }

    /** helper-19's finding 5: a broken config.json is one "config" problem, not a port-range one. */
    @Test
    void aBrokenConfigFileIsOneConfigProblemAndTheChecksThatNeedItSaySo() throws Exception {
        localdb.run("port", "web").port();
        Files.writeString(home.resolve("config.json"), "{\"portRanges\": [\n");
        Files.setPosixFilePermissions(home.resolve("config.json"), PosixFilePermissions.fromString("rw-------"));

        Result doctor = doctorChangingNothing();

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).containsOnlyOnce("[PROBLEM]")
                .contains("[PROBLEM] config: Config file " + home.resolve("config.json") + " is not valid JSON at line 2")
                .contains("[info]    port ranges: not checked: config.json could not be read (see above).")
                .contains("[info]    proxy ports: not checked")
                .doesNotContain("[Source");
    }

    /** Issue #17: doctor names the platform adapters in use and, for the portable mode, what they cannot do. */
    @Test
    void doctorNamesThePlatformAdaptersAndWhatTheyCannotDo() throws Exception {
        Result portable = localdb.env(PlatformUnderTest.ENV, "portable").run("doctor");
        Result wrong = localdb.env(PlatformUnderTest.ENV, "beos").run("doctor");
        Result chosen = localdb.env(PlatformUnderTest.ENV, "auto").run("doctor");

        assertThat(portable.out()).as(portable.toString())
                .contains("[info]    platform: portable (forced by LOCALDB_PLATFORM): JDK only")
                .contains("cannot: who listens on a port cannot be told");
        assertThat(chosen.out()).as("on Linux with /proc: " + chosen)
                .contains("[ok]      platform: linux (chosen for this system): identity from /proc/<pid>/stat + boot_id");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("LOCALDB_PLATFORM must be one of auto, linux, macos, windows, portable");
    }

    /** Issue #12: doctor says what keeps the name proxy off its ports, and who holds them. */
    @Test
    void aProxyPortTakenByAnotherProgramIsAProblemNamingItWhileTheProxyIsOn() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        int http = QuietPorts.block(2);
        localdb.env("LOCALDB_PROXY_HTTP_PORT", Integer.toString(http)).env("LOCALDB_PROXY_HTTPS_PORT", Integer.toString(http + 1));

        Result free = localdb.env("LOCALDB_PROXY", "on").run("doctor");
        assertThat(free.out()).as(free.toString())
                .contains("[ok]      proxy ports: " + http + " (http) and " + (http + 1) + " (https) are free");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(http, 50, java.net.InetAddress.getLoopbackAddress())) {
            Result on = doctorChangingNothing();
            Result off = localdb.env("LOCALDB_PROXY", "off").run("doctor");

            assertThat(on.exitCode()).as(on.toString()).isEqualTo(1);
            assertThat(on.out()).contains("[PROBLEM] proxy ports: port " + http + " is taken by PID " + ProcessHandle.current().pid())
                    .contains("set proxy.httpPort / proxy.httpsPort");
            assertThat(off.exitCode()).as("with the proxy off it is information: " + off).isZero();
            assertThat(off.out()).contains("[info]    proxy ports: port " + http + " is taken by PID");
        }
    }

    /** Runs doctor and fails the test if it created, removed, rewrote or chmod-ed anything in the home. */
    private Result doctorChangingNothing() throws Exception {
        Map<String, String> before = HomeSnapshot.of(home);
        Result doctor = localdb.run("doctor");
        assertThat(HomeSnapshot.of(home)).as("the home after doctor").isEqualTo(before);
        return doctor;
    }
}
