package dev.localdb.testsuite.diagnostics;

import dev.localdb.testsuite.support.PlatformUnderTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When a project's usual port is busy, start says by whom and which port it used (issue #14, item 5). */
class UsualPortTakenTest {
    private static final Pattern URL = Pattern.compile("URL: http://localhost:(\\d+)\\n");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void startNamesWhoHasTheRememberedPortAndThePortItUsedInstead() throws Exception {
        PlatformUnderTest.assumeListenersVisible();
        assertThat(sandbox.localdb().run("new", "shop").exitCode()).isZero();
        int usual = port(sandbox.localdb().run("start", "shop", "--no-browser"));
        assertThat(sandbox.localdb().run("stop", "shop").exitCode()).isZero();

        try (ForeignListener other = ForeignListener.on(usual)) {
            Result again = sandbox.localdb().run("start", "shop", "--no-browser");

            int used = port(again);
            assertThat(used).isNotEqualTo(usual);
            assertThat(again.out()).as(again.toString())
                    .contains("Port " + usual + ", the usual port of shop, is taken by PID " + other.pid() + " (")
                    .contains("http.server")
                    .contains("; using port " + used + " instead.");
        }
    }

    @Test
    void startSaysNothingWhenTheProjectGetsItsUsualPort() throws Exception {
        assertThat(sandbox.localdb().run("new", "shop").exitCode()).isZero();
        int usual = port(sandbox.localdb().run("start", "shop", "--no-browser"));
        assertThat(sandbox.localdb().run("stop", "shop").exitCode()).isZero();

        Result again = sandbox.localdb().run("start", "shop", "--no-browser");

        assertThat(port(again)).isEqualTo(usual);
        assertThat(again.out()).doesNotContain("usual port");
    }

    private static int port(Result start) {
        assertThat(start.exitCode()).as(start.toString()).isZero();
        Matcher matcher = URL.matcher(start.out());
        assertThat(matcher.find()).as(start.toString()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
