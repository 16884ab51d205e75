import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Private (0700) throwaway LOCALDB_HOMEs on the same disk as /tmp, removed after use. */
final class TempHomes {
    private TempHomes() {
    }

    static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix); // 0700 on POSIX
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
