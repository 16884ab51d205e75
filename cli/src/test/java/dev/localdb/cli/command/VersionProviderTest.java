package dev.localdb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionProviderTest {
    @Test
    void showsTheVersionTheCommitTheBuildRecordedAndTheJdk() throws Exception {
        String[] lines = new VersionProvider().getVersion();

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("localdb ");
        // The build recorded `git rev-parse --short=12 HEAD` (cli/pom.xml), or "unknown" without git.
        assertThat(lines[1]).isEqualTo("commit " + headOrUnknown());
        assertThat(lines[2]).startsWith("java " + System.getProperty("java.version") + " (")
                .contains(System.getProperty("java.home"));
    }

    private static String headOrUnknown() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && out.matches("[0-9a-f]+") ? out : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        }
    }
}
