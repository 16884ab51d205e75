package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What users see of a damaged registry, and where its copy went; shared by the corruption tests. */
final class CorruptionAssertions {
    private CorruptionAssertions() {
    }

    static Path onlyCorruptCopy(Path home) throws IOException {
        try (Stream<Path> files = Files.list(RegistryFile.path(home).getParent())) {
            List<Path> copies = files.filter(f -> f.getFileName().toString().startsWith(".port-registry.json.corrupt-")).toList();
            assertThat(copies).hasSize(1);
            assertThat(copies.get(0).getFileName().toString()).matches("\\.port-registry\\.json\\.corrupt-\\d{8}T\\d{6}\\.\\d{3}Z");
            return copies.get(0);
        }
    }

    /** One line: what was damaged, why, where the file went, what happened next; nothing a terminal would act on. */
    static void assertSetAsideWarning(String err, Path data, Path kept, String reason) {
        assertThat(err.lines()).as(err).singleElement().asString()
                .startsWith("warning: Registry " + data + " was damaged (")
                .contains(reason)
                .endsWith("); kept it as " + kept + " and started a fresh one; no running server was found to rebuild it from.");
        assertUserFacing(err);
    }

    static void assertReadWarning(String err, Path data, String reason) {
        assertThat(err.lines()).as(err).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("warning: Registry " + data + " is damaged (")
                .contains(reason)
                .endsWith("); the next change will set it aside as .port-registry.json.corrupt-<timestamp>."));
        assertUserFacing(err);
    }

    static void assertUserFacing(String err) {
        NoStackTrace.in(err);
        assertThat(err).as("no control character but the line ends").doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]");
    }

    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
