package dev.localdb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionProviderTest {
    @Test
    void showsTheVersionTheCommitTheBuildRecordedAndTheJdk() {
        String[] lines = new VersionProvider().getVersion();

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("localdb ");
        // The build writes build.properties from `git rev-parse` (cli/pom.xml); this checkout is a git one.
        assertThat(lines[1]).matches("commit [0-9a-f]{12}");
        assertThat(lines[1]).isEqualTo("commit " + VersionProvider.commit());
        assertThat(lines[2]).startsWith("java " + System.getProperty("java.version") + " (")
                .contains(System.getProperty("java.home"));
    }
}
