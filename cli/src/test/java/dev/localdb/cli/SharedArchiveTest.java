package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs get the launcher's archive only when the launcher chose one and it is still there. */
class SharedArchiveTest {
    private final String before = System.getProperty(SharedArchive.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(SharedArchive.PROPERTY);
        } else {
            System.setProperty(SharedArchive.PROPERTY, before);
        }
    }

    @Test
    void theArchiveTheLauncherChoseIsPassedOnWithItsProperty(@TempDir Path dir) throws Exception {
        Path archive = Files.writeString(dir.resolve("localdb.jsa"), "archive");
        System.setProperty(SharedArchive.PROPERTY, archive.toString());

        assertThat(SharedArchive.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off",
                "-Dlocaldb.cds.archive=" + archive);
    }

    @Test
    void withoutAnArchiveChildJvmsStartWithout(@TempDir Path dir) {
        System.clearProperty(SharedArchive.PROPERTY);
        assertThat(SharedArchive.jvmOptions()).isEmpty();

        System.setProperty(SharedArchive.PROPERTY, dir.resolve("gone.jsa").toString());
        assertThat(SharedArchive.jvmOptions()).as("a file that has gone").isEmpty();
    }
}
