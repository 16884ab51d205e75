package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.ViteApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #14, item 7, with a real Vite: Vite ignores {@code $PORT}, so before this change
 * {@code new --dir} made an embedded-server project and a {@code --command "npx vite"} project
 * listened on 5173 while localdb waited for its own port. Now the dev script is taken from
 * package.json with {@code --port "$PORT" --strictPort}, and the page is served on localdb's port.
 */
class FrameworkPortTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void newDirTakesTheDevScriptAndViteServesOnLocaldbsPort() throws Exception {
        Path app = viteApp();

        Result created = sandbox.localdb().run("new", "web", "--dir", app.toString());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).as(created.toString())
                .contains("(command: npm run dev -- --port \"$PORT\" --strictPort)", "Vite does not read $PORT");
        Started server = Started.from(sandbox.localdb().run("start", "web", "--timeout", "60"));
        Http.Response page = http.get(server.port(), "/");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("hello from vite");
        assertThat(sandbox.localdb().run("stop", "web").exitCode()).isZero();
        assertThat(QuietPorts.bindable(server.port())).isTrue();
    }

    @Test
    void anExplicitViteCommandGetsTheFlagsAndAScriptThatFixesItsPortIsWarnedAbout() throws Exception {
        Path app = viteApp();

        Result explicit = sandbox.localdb().run("new", "direct", "--dir", app.toString(), "--command", "npx vite");
        Files.writeString(app.resolve("package.json"), "{\"scripts\":{\"dev\":\"vite --port 5173\"}}");
        Result fixed = sandbox.localdb().run("new", "fixed", "--dir", app.toString());
        Result plain = sandbox.localdb().run("new", "plain", "--dir", sandbox.scratch().toString());

        assertThat(explicit.out()).as(explicit.toString()).contains("(command: npx vite --port \"$PORT\" --strictPort)");
        assertThat(fixed.err()).as(fixed.toString()).contains("warning: The dev script (\"vite --port 5173\") fixes its own port (5173)");
        assertThat(plain.err()).as(plain.toString()).contains("warning: --dir is only used with --command", "embedded LocalDB server");

        // helper-19's finding 3: edit fits a new command exactly as new does.
        Result edited = sandbox.localdb().run("edit", "plain", "--command", "npx vite");
        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        assertThat(edited.out()).contains("npx vite --port \"$PORT\" --strictPort");
        assertThat(sandbox.localdb().run("edit", "plain", "--command", "npx vite").out()).as("fitted the same way again: no change")
                .contains("Nothing changed");
    }

    private Path viteApp() throws IOException, InterruptedException {
        return ViteApps.create(sandbox.scratch(), "<!doctype html><html><body><h1>hello from vite</h1></body></html>");
    }
}
