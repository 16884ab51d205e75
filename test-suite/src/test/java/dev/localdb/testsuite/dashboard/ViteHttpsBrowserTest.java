package dev.localdb.testsuite.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.ViteApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #12 in a real browser: a Vite 7 dev server started by localdb, loaded by headless
 * Chromium at {@code https://web.localhost:<proxy https port>} through the name proxy. The CA is
 * trusted only through a temporary NSS database ({@code proxy trust --store nss} with a temporary
 * HOME), with no certificate-error flags: the page is a secure context, Vite's HMR connects over
 * the proxy's WebSocket relay, and editing a module updates the page without a reload.
 */
class ViteHttpsBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    private LocalDbRunner localdb;
    private int httpsPort;
    private Path home;

    @BeforeEach
    void aHomeWithTheProxyOnAndItsCaTrustedInATemporaryNssDatabase() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing().isEmpty(), () -> HeadlessChromium.missing().orElse(""));
        httpsPort = sandbox.proxyHttpsPort();
        home = Files.createDirectories(sandbox.scratch().resolve("home"));
        localdb = sandbox.localdbWithProxy().env("HOME", home.toString());
    }

    @AfterEach
    void stopEverything() throws Exception {
        localdb.run("stop", "--all");
        localdb.run("proxy", "stop");
    }

    @Test
    void aVitePageOverHttpsIsSecureAndHotModuleReplacementUpdatesItThroughTheProxy() throws Exception {
        Path app = ViteApps.create(sandbox.scratch(), "<!doctype html><html><body><p id=\"msg\">loading</p>"
                + "<script type=\"module\" src=\"/main.js\"></script></body></html>");
        Files.writeString(app.resolve("main.js"), module("one"));
        Result trust = localdb.run("proxy", "trust", "--store", "nss");
        assertThat(trust.exitCode()).as(trust.toString()).isZero();
        assertThat(trust.out()).contains("Trusted in NSS database");
        assertThat(localdb.run("new", "web", "--dir", app.toString()).exitCode()).isZero();
        Result start = localdb.run("start", "web", "--no-browser", "--timeout", "60");
        assertThat(start.exitCode()).as(start.toString()).isZero();

        try (HeadlessChromium chromium = HeadlessChromium.start(sandbox.scratch(), Map.of("HOME", home.toString()))) {
            WebDriver page = chromium.driver();
            page.get("https://web.localhost:" + httpsPort + "/");
            waitFor(page, "the module to run", ExpectedConditions.textToBe(By.id("msg"), "one"));
            JavascriptExecutor js = (JavascriptExecutor) page;
            assertThat(js.executeScript("return window.isSecureContext")).as("a trusted https page").isEqualTo(true);
            assertThat(js.executeScript("return location.protocol")).isEqualTo("https:");
            js.executeScript("window.sameDocument = 'yes'"); // gone if the page reloads

            // Vite's client connects its WebSocket just after the page's modules run; an edit made
            // before that reaches no client, so the edit is repeated until one arrives (or 30 s pass).
            boolean updated = false;
            int attempt = 0;
            while (attempt < 10 && !updated) {
                Files.writeString(app.resolve("main.js"), module("two") + "// edit " + ++attempt + "\n");
                updated = shows(page, "two", Duration.ofSeconds(3));
            }
            System.out.println("ViteHttpsBrowserTest: the HMR update arrived after edit " + attempt);
            assertThat(updated).as("the edit arrives over HMR; Vite's log:\n" + localdb.run("logs", "web", "-n", "30").out()).isTrue();
            assertThat(js.executeScript("return window.sameDocument")).as("updated in place, not reloaded").isEqualTo("yes");
        }
    }

    /** A module that accepts its own updates, so an edit is swapped in by HMR rather than by a reload. */
    private static String module(String text) {
        return "document.getElementById('msg').textContent = '" + text + "';\n"
                + "if (import.meta.hot) { import.meta.hot.accept(); }\n";
    }

    private static boolean shows(WebDriver page, String text, Duration within) {
        try {
            new WebDriverWait(page, within).until(ExpectedConditions.textToBe(By.id("msg"), text));
            return true;
        } catch (TimeoutException notYet) {
            return false;
        }
    }

    private static void waitFor(WebDriver page, String what, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        try {
            new WebDriverWait(page, PATIENCE).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited for " + what + " at " + page.getCurrentUrl() + "; the page says:\n"
                    + page.findElement(By.tagName("body")).getText(), e);
        }
    }
}
