package dev.localdb.testsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium): the link {@code localdb open} gives the
 * browser grants control, the page keeps itself up to date, its Stop button really stops a
 * project, and a page opened without that link can only look.
 */
class DashboardBrowserTest {
    private static final Pattern PORT = Pattern.compile("URL: http://localhost:(\\d+)\\n");
    /** Hang guards for a loaded machine, not speed requirements. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(HeadlessChromium.missing().isEmpty(), () -> HeadlessChromium.missing().orElse(""));
    }

    @Test
    void theControlLinkShowsBothProjectsRunningAndStopsOneFromThePage() throws Exception {
        int demo = startDemoWithSomeDocuments();
        int web = start("web");
        assertThat(sandbox.localdb().run("port", "cache").exitCode()).as("a name that only holds a port").isZero();
        String link = controlLink();
        assertThat(link).as("no ticket on the browser's command line").startsWith("file:").doesNotContain("ticket");
        assertThat(LocalDbSandbox.linkBehind(link)).startsWith("http://localhost:" + demo + "/#ticket=");

        try (HeadlessChromium chromium = HeadlessChromium.start(sandbox.scratch())) {
            WebDriver page = chromium.driver();
            page.get(link);
            Waiting wait = new Waiting(page);
            wait.until(ExpectedConditions.elementToBeClickable(stopButton("web")));

            assertThat(page.getCurrentUrl()).as("the ticket leaves the address bar").isEqualTo("http://localhost:" + demo + "/");
            assertThat(stateOf(page, "demo")).isEqualTo("running");
            assertThat(stateOf(page, "web")).isEqualTo("running");
            assertThat(page.findElement(By.cssSelector("tr[data-project='web']")).getText()).contains(Integer.toString(web));
            assertThat(page.findElement(By.id("control-note")).isDisplayed()).as("the read-only note").isFalse();
            assertThat(page.findElements(By.cssSelector("tr[data-project='cache'] button"))).as("no Start for a reservation (#14 item 18)").isEmpty();
            assertThat(page.findElement(By.cssSelector("tr[data-project='cache']")).getText()).contains("port only");
            screenshot(chromium, "dashboard.png");

            page.findElement(stopButton("web")).click();

            wait.until(ExpectedConditions.textToBe(stateCell("web"), "stopped"));
            // The page polls too, so the state cell can change before the button's own request answers.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard-status"), "Stopped web"));
            assertThat(page.findElement(By.id("dashboard-status")).getText()).startsWith("Stopped web");
            assertThat(page.findElements(startButton("web"))).hasSize(1);
            Result status = sandbox.localdb().run("status");
            assertThat(status.out()).as(status.toString()).containsPattern("(?m)^web\\s+stopped\\s").containsPattern("(?m)^demo\\s+running\\s");
            assertThat(http.get(demo, "/health").status()).as("only web was stopped").isEqualTo(200);

            page.findElement(startButton("web")).click();
            wait.until(ExpectedConditions.textToBe(stateCell("web"), "running"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard-status"), "Started web on"));
            assertThat(page.findElement(By.id("dashboard-status")).getText()).startsWith("Started web on http://localhost:");
            screenshot(chromium, "dashboard-after-restart.png");

            // Nobody touches the page now: it polls, so a stop from the terminal shows up by itself.
            Result stop = sandbox.localdb().run("stop", "web");
            assertThat(stop.exitCode()).as(stop.toString()).isZero();
            wait.until(ExpectedConditions.textToBe(stateCell("web"), "stopped"));
        }
    }

    @Test
    void withoutTheLinkThePageOnlyListsAndItsRequestsToStopAreRefused() throws Exception {
        int demo = startDemoWithSomeDocuments();
        String usedLink = controlLink();
        String behind = LocalDbSandbox.linkBehind(usedLink);
        String ticket = behind.substring(behind.indexOf("#ticket=") + "#ticket=".length());
        // Someone else redeems the ticket first (as if they had read it off `ps`): it is then worthless.
        assertThat(Http.raw(demo, "POST /dashboard/session HTTP/1.1\r\nHost: localhost:" + demo + "\r\nX-LocalDB-Ticket: " + ticket
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");

        try (HeadlessChromium chromium = HeadlessChromium.start(sandbox.scratch())) {
            WebDriver page = chromium.driver();
            Waiting wait = new Waiting(page);
            page.get("http://localhost:" + demo + "/");
            wait.until(ExpectedConditions.textToBe(stateCell("demo"), "running")); // drawn by the script

            assertThat(page.findElements(By.tagName("button"))).as("no Start or Stop without control").isEmpty();
            assertThat(page.findElement(By.id("control-note")).getText()).contains("Read-only", "localdb open demo");
            Object refused = ((org.openqa.selenium.JavascriptExecutor) page).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/dashboard/projects/demo/stop', {method: 'POST', headers: {'X-LocalDB-Token': 'guessed'}})"
                            + ".then(r => r.json().then(j => done(r.status + ' ' + j.error))).catch(e => done('failed ' + e));");
            assertThat(String.valueOf(refused)).startsWith("403 ").contains("localdb open demo");

            page.get("about:blank"); // else only the fragment would change, and the page would not load again
            page.get(usedLink);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard-status"), "already used or has expired"));
            wait.until(ExpectedConditions.textToBe(stateCell("demo"), "running"));
            assertThat(page.findElements(By.tagName("button"))).as("a used ticket gives no control").isEmpty();
        }
        assertThat(http.get(demo, "/health").status()).as("demo still runs").isEqualTo(200);
    }

    /** Waits for the page; on timeout the failure shows what the page said, which is the first clue. */
    private record Waiting(WebDriver page) {
        <T> T until(ExpectedCondition<T> condition) {
            try {
                return new WebDriverWait(page, PATIENCE).until(condition);
            } catch (TimeoutException e) {
                throw new AssertionError("The page at " + page.getCurrentUrl() + " never showed it; it says:\n"
                        + page.findElement(By.tagName("body")).getText(), e);
            }
        }
    }

    /** Starts the embedded project "demo" with a collection in it (for a screenshot worth looking at). */
    private int startDemoWithSomeDocuments() throws Exception {
        int port = start("demo");
        for (String note : List.of("{\"title\":\"Buy milk\"}", "{\"title\":\"Call Ada\"}")) {
            assertThat(http.send("POST", port, "/api/notes", note).status()).isEqualTo(201);
        }
        assertThat(http.send("POST", port, "/api/users", "{\"name\":\"ada\"}").status()).isEqualTo(201);
        return port;
    }

    private int start(String project) throws Exception {
        if (project.equals("web") && !Files.exists(sandbox.home().resolve("projects/web"))) {
            Result created = sandbox.localdb().run("new", "web", "--command", "python3 -m http.server \"$PORT\" --bind 127.0.0.1");
            assertThat(created.exitCode()).as(created.toString()).isZero();
        }
        Result started = sandbox.localdb().run("start", project, "--create");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Matcher port = PORT.matcher(started.out());
        assertThat(port.find()).as(started.toString()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** The URL `localdb open demo` gives the browser (the sandbox's BROWSER records it). */
    private String controlLink() throws Exception {
        int opened = sandbox.openedUrls().size();
        Result open = sandbox.localdb().run("open", "demo");
        assertThat(open.exitCode()).as(open.toString()).isZero();
        assertThat(open.out()).as("the terminal shows the plain URL").doesNotContain("ticket");
        Poll.until("the browser to be given the URL", PATIENCE, () -> openedUrls().size() > opened);
        return openedUrls().get(opened);
    }

    private List<String> openedUrls() {
        try {
            return sandbox.openedUrls();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stateOf(WebDriver page, String project) {
        return page.findElement(stateCell(project)).getText();
    }

    private static By stateCell(String project) {
        return By.cssSelector("tr[data-project='" + project + "'] td:nth-child(2)");
    }

    private static By stopButton(String project) {
        return By.cssSelector("button[data-action='stop'][data-project='" + project + "']");
    }

    private static By startButton(String project) {
        return By.cssSelector("button[data-action='start'][data-project='" + project + "']");
    }

    private static void screenshot(HeadlessChromium chromium, String name) throws IOException {
        Path target = LocalDbRunner.repository().resolve("test-suite/target").resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(chromium.driver().getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
