package dev.localdb.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helper-19's finding 2: {@code open} on a machine without a display must not claim a browser opened. */
class BrowserOpenerTest {
    @TempDir
    Path dir;

    @Test
    void withoutBrowserAndWithoutADisplayNothingIsLaunched() {
        assertThat(new BrowserOpener(Map.of("PATH", System.getenv("PATH"))).open("http://localhost:3000")).isFalse();
    }

    @Test
    void aConfiguredBrowserIsLaunchedWithTheUrlEvenWithoutADisplay() throws Exception {
        Path opened = dir.resolve("opened");
        Map<String, String> env = Map.of("BROWSER", "echo %s > " + opened);

        assertThat(new BrowserOpener(env).open("http://localhost:3000")).isTrue();
        for (int i = 0; i < 100 && (!Files.exists(opened) || Files.size(opened) == 0); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(opened).strip()).isEqualTo("http://localhost:3000");
    }
}
