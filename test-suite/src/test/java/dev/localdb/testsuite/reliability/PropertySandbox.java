package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh world for one generated input: {@code <try>/outer/inner/home}, so that a name climbing
 * one, two or three levels out of the home still lands inside the sandbox, where the walk finds
 * it. The user's home directory, which a command ignoring LOCALDB_HOME would use, is
 * {@code <try>/user}.
 */
final class PropertySandbox implements AutoCloseable {
    final Path root;
    final Path home;
    final Path user;
    private final List<Path> scaffolding;

    PropertySandbox(Path base) throws IOException {
        root = Files.createTempDirectory(base, "try-");
        Path inner = Files.createDirectories(root.resolve("outer/inner"));
        home = inner.resolve("home");
        user = root.resolve("user");
        scaffolding = List.of(root, root.resolve("outer"), inner);
    }

    InProcessLocalDb cli() {
        return new InProcessLocalDb(home, user);
    }

    void assertNothingOutsideTheHome() throws IOException {
        assertThat(walk()).as("everything under " + home).allMatch(path -> scaffolding.contains(path) || path.startsWith(home));
    }

    void assertNothingCreated() throws IOException {
        assertThat(walk()).as("nothing at all").containsExactlyInAnyOrderElementsOf(scaffolding);
    }

    private List<Path> walk() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.toList();
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Exit code 2, nothing on stdout, one line on stderr that names the problem; nothing a terminal would act on. */
    static void assertRejected(Result result, String mentions) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).as(result.toString()).isEmpty();
        assertThat(result.err()).as(result.toString()).startsWith("error: ").endsWith("\n").containsIgnoringCase(mentions);
        String line = result.err().substring(0, result.err().length() - 1);
        assertThat(line.codePoints()).as("one line, nothing hidden or controlling: %s", StringProperty.shown(line))
                .noneMatch(PropertySandbox::isHiddenOrControl);
        NoStackTrace.in(result.err());
    }

    private static boolean isHiddenOrControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The names in a folder, sorted. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
