package dev.localdb.testsuite.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.PlatformUnderTest;
import dev.localdb.testsuite.support.QuietPorts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code localdb why <port>} end to end: real registry, real sockets, real processes, the real launcher. */
class WhyTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    LocalDbRunner localdb;
    Path home;

    @BeforeEach
    void setUp() {
        localdb = sandbox.localdb();
        home = sandbox.home();
    }

    @Test
    void aPortReservedWithLocaldbPortNamesTheProjectAndItsState() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        int port = localdb.run("port", "p").port();

        Result why = localdb.run("why", Integer.toString(port));

        assertThat(why.exitCode()).as(why.toString()).isZero();
        assertThat(why.out()).contains("Port " + port)
                .contains("localdb:   held by project p (reserved since ")
                .contains("listening: nothing")
                .contains("free:      yes");
        assertThat(why.err()).isEmpty();
    }

    @Test
    void aForeignProgramIsShownWithItsPidAndCommandLine() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        int port = QuietPorts.block(1);
        try (ForeignListener python = ForeignListener.on(port)) {
            Result why = localdb.run("why", Integer.toString(port));

            assertThat(why.exitCode()).as(why.toString()).isZero();
            assertThat(why.out()).contains("no project holds it")
                    .contains("listening: PID " + python.pid() + " on 127.0.0.1: ")
                    .contains("-m http.server --bind 127.0.0.1 " + port)
                    .contains("(a program outside localdb)")
                    .contains("free:      no");
        }
    }

    @Test
    void aFreePortIsSaidToBeFree() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        int port = QuietPorts.block(1);

        Result why = localdb.run("why", Integer.toString(port));

        assertThat(why.exitCode()).as(why.toString()).isZero();
        assertThat(why.out()).contains("no project holds it").contains("listening: nothing")
                .contains("free:      yes, a server could listen on it now");
    }

    @Test
    void aReservedPortAnotherProgramListensOnShowsBothAndCannotTellWhoseItIs() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        int port = localdb.run("port", "p").port();
        try (ForeignListener python = ForeignListener.on(port)) {
            Result why = localdb.run("why", Integer.toString(port), "--json");

            assertThat(why.exitCode()).as(why.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(why.out());
            assertThat(json.get("port").asInt()).isEqualTo(port);
            assertThat(json.at("/project/name").asText()).isEqualTo("p");
            assertThat(json.at("/project/state").asText()).isEqualTo("reserved");
            assertThat(json.get("listenersKnown").asBoolean()).isTrue();
            assertThat(json.get("listeners")).singleElement().satisfies(listener -> {
                assertThat(listener.get("pid").asLong()).isEqualTo(python.pid());
                assertThat(listener.get("command").asText()).contains("http.server");
                assertThat(listener.get("projectServer").isNull()).as("a reservation records no process").isTrue();
            });
            assertThat(json.get("free").asBoolean()).isFalse();
        }
    }

    @Test
    void aRunningProjectsServerIsRecognisedAsItsServer() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        Result start = localdb.run("start", "web", "--create");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        int port = localdb.run("port", "web").port();

        Result why = localdb.run("why", Integer.toString(port), "--json");

        assertThat(why.exitCode()).as(why.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(why.out());
        assertThat(json.at("/project/state").asText()).isEqualTo("active");
        long server = json.at("/project/pid").asLong();
        assertThat(json.get("listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.get("pid").asLong()).isEqualTo(server);
            assertThat(listener.get("projectServer").asBoolean()).isTrue();
        });
    }

    /** Issue #17: where the JDK alone cannot see listeners, why says so and never claims "nothing". */
    @Test
    void inThePortableModeWhoListensCannotBeToldAndIsNeverNothing() throws Exception {
        int port = QuietPorts.block(1);
        try (ForeignListener python = ForeignListener.on(port)) {
            Result why = localdb.env(PlatformUnderTest.ENV, "portable").run("why", Integer.toString(port));

            assertThat(why.exitCode()).as(why.toString()).isZero();
            assertThat(why.out()).contains("listening: cannot tell with this system's adapters ('localdb doctor' names them)")
                    .doesNotContain("listening: nothing")
                    .contains("free:      no");
        }
    }

    @Test
    void aBadPortIsOneLineAndExitCodeTwo() throws Exception {
        for (String bad : new String[] {"0", "65536", "web"}) {
            Result why = localdb.run("why", bad);

            assertThat(why.exitCode()).as(why.toString()).isEqualTo(2);
            assertThat(why.out()).isEmpty();
            assertThat(why.err().lines()).as(why.toString()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("error: Invalid port").contains("1 to 65535"));
        }
    }

    @Test
    void whyWritesNothing() throws Exception {
        int port = localdb.run("port", "p").port();
        Map<String, String> before = HomeSnapshot.of(home);

        assertThat(localdb.run("why", Integer.toString(port)).exitCode()).isZero();

        assertThat(HomeSnapshot.of(home)).isEqualTo(before);
    }
}
