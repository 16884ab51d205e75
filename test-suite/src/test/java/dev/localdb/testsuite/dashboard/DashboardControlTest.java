package dev.localdb.testsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.QuietPorts;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's Start and Stop through the real CLI, over plain HTTP: what they leave behind in
 * the registry and the process tree, which a browser cannot see.
 */
class DashboardControlTest {
    private static final Pattern PORT = Pattern.compile("URL: http://localhost:(\\d+)\\n");
    private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"([A-Za-z0-9_-]+)\"}");
    private static final Duration PATIENCE = Duration.ofSeconds(60); // a hang guard only

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void aProjectStartedFromTheDashboardOutlivesTheServerThatStartedIt() throws Exception {
        int demo = start("demo");
        Result created = sandbox.localdb().run("new", "web", "--command", "python3 -m http.server \"$PORT\" --bind 127.0.0.1");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String token = controlToken(demo);

        String started = post(demo, "/dashboard/projects/web/start", token);

        assertThat(started).startsWith("HTTP/1.1 200").contains("Started web on http://localhost:");
        int web = Integer.parseInt(started.replaceAll("(?s).*Started web on http://localhost:(\\d+).*", "$1"));
        assertThat(new Http().get(web, "/").status()).isEqualTo(200);
        // Stopping a project stops its whole process tree: web must not be part of demo's.
        Result stopDemo = sandbox.localdb().run("stop", "demo");
        assertThat(stopDemo.exitCode()).as(stopDemo.toString()).isZero();
        assertThat(new Http().get(web, "/").status()).as("web still serves after demo stopped").isEqualTo(200);
        assertThat(sandbox.localdb().run("status").out()).containsPattern("(?m)^web\\s+running\\s");
    }

    @Test
    void stoppingTheDashboardsOwnProjectAnswersThenStopsItAndReleasesItsPort() throws Exception {
        int demo = start("demo");
        String token = controlToken(demo);

        String stopped = post(demo, "/dashboard/projects/demo/stop", token);

        assertThat(stopped).startsWith("HTTP/1.1 202").contains("Stopping demo");
        Poll.until("demo to be stopped", PATIENCE, () -> statusOut().matches("(?s).*\\ndemo\\s+stopped\\s.*"));
        assertThat(QuietPorts.bindable(demo)).as("the port is free").isTrue();
        Result ports = sandbox.localdb().run("ports");
        assertThat(ports.out()).as("released, not held by a dead owner").containsPattern("demo\\s+" + demo + "\\s+released");
    }

    @Test
    void aControlRequestWithoutTheTokenChangesNothing() throws Exception {
        int demo = start("demo");

        String refused = post(demo, "/dashboard/projects/demo/stop", "not-the-token");

        assertThat(refused).startsWith("HTTP/1.1 403").contains("\"error\":").contains("localdb open demo");
        assertThat(new Http().get(demo, "/health").status()).isEqualTo(200);
    }

    private int start(String project) throws Exception {
        Result started = sandbox.localdb().run("start", project, "--create");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Matcher port = PORT.matcher(started.out());
        assertThat(port.find()).as(started.toString()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** Redeems the ticket `localdb open` gave the browser, as the page's script does. */
    private String controlToken(int port) throws Exception {
        Result open = sandbox.localdb().run("open", "demo");
        assertThat(open.exitCode()).as(open.toString()).isZero();
        Poll.until("the browser to be given the URL", PATIENCE, () -> {
            try {
                return !sandbox.openedUrls().isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String link = LocalDbSandbox.linkBehind(sandbox.openedUrls().get(0));
        String ticket = link.substring(link.indexOf("#ticket=") + "#ticket=".length());
        String response = Http.raw(port, "POST /dashboard/session HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: http://localhost:" + port
                + "\r\nX-LocalDB-Ticket: " + ticket + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        Matcher token = TOKEN.matcher(response);
        assertThat(token.find()).as(response).isTrue();
        return token.group(1);
    }

    private static String post(int port, String path, String token) throws Exception {
        return Http.raw(port, "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-LocalDB-Token: " + token
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    private String statusOut() {
        try {
            return "\n" + sandbox.localdb().run("status").out();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
