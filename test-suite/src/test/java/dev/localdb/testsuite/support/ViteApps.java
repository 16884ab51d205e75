package dev.localdb.testsuite.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Real Vite 7 apps for the tests: Vite is installed once per machine and linked into each app. */
public final class ViteApps {
    /** Vite 7 installed once per machine (about 10 s from the npm registry), shared by every run. */
    private static final Path VITE = Path.of(System.getProperty("java.io.tmpdir"), "localdb-test-vite7");

    private ViteApps() {
    }

    /** An app folder under {@code parent} whose package.json runs plain {@code vite} as its dev script. */
    public static Path create(Path parent, String indexHtml) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/npm")), "npm (Debian's nodejs/npm) is needed to install Vite");
        if (!Files.isExecutable(VITE.resolve("node_modules/.bin/vite"))) {
            Files.createDirectories(VITE);
            Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "vite@7")
                    .directory(VITE.toFile()).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes());
            assertThat(install.waitFor(300, TimeUnit.SECONDS) && install.exitValue() == 0).as("npm install vite@7: " + output).isTrue();
        }
        Path app = Files.createDirectories(parent.resolve("app"));
        Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"private\":true,\"scripts\":{\"dev\":\"vite\"}}");
        Files.writeString(app.resolve("index.html"), indexHtml);
        Files.createSymbolicLink(app.resolve("node_modules"), VITE.resolve("node_modules"));
        return app;
    }
}
