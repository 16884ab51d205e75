package dev.localdb.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rename of the durable replace, with a mover that fails as Windows does while a reader holds the target open. */
class AtomicRenameTest {
    @TempDir
    Path dir;

    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void whereRenamesFailWhileTheTargetIsHeldOpenItIsRetriedUntilItSucceeds() throws Exception {
        Path target = Files.writeString(dir.resolve("registry.json"), "old");
        HeldOpen heldTwice = new HeldOpen(2, n -> new AccessDeniedException(target.toString()));

        PrivateFiles.replace(dir.resolve(".registry.json.1.tmp"), target, bytes("new"), Checkpoint.NONE, withRetries(heldTwice));

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(heldTwice.attempts).isEqualTo(3);
        assertThat(pauses).containsExactly(AtomicRename.PAUSE, AtomicRename.PAUSE);
        assertThat(names()).containsExactly("registry.json");
    }

    @Test
    void aSharingViolationIsRetriedToo() throws Exception {
        HeldOpen heldOnce = new HeldOpen(1, n -> new FileSystemException("t", null, "being used by another process"));

        withRetries(heldOnce).move(Files.writeString(dir.resolve("a"), "x"), dir.resolve("b"));

        assertThat(heldOnce.attempts).isEqualTo(2);
    }

    @Test
    void itGivesUpAfterTheBoundWithTheLastFailureAndKeepsTheOldFile() throws Exception {
        Path target = Files.writeString(dir.resolve("registry.json"), "old");
        HeldOpen heldForever = new HeldOpen(Integer.MAX_VALUE, n -> new AccessDeniedException(target.toString(), null, "attempt " + n));

        assertThatThrownBy(() -> PrivateFiles.replace(dir.resolve(".registry.json.1.tmp"), target, bytes("new"), Checkpoint.NONE,
                withRetries(heldForever)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("attempt " + AtomicRename.ATTEMPTS);

        assertThat(heldForever.attempts).isEqualTo(AtomicRename.ATTEMPTS);
        assertThat(pauses).hasSize(AtomicRename.ATTEMPTS - 1);
        assertThat(AtomicRename.PAUSE.multipliedBy(AtomicRename.ATTEMPTS - 1)).as("about a second").isBetween(
                Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).as("the temporary file is removed").containsExactly("registry.json");
    }

    @Test
    void onPosixAFailureIsReportedAtOnce() throws Exception {
        HeldOpen held = new HeldOpen(1, n -> new AccessDeniedException("t"));
        AtomicRename posix = new AtomicRename(held, false, pauses::add);

        assertThatThrownBy(() -> posix.move(dir.resolve("a"), dir.resolve("b"))).isInstanceOf(AccessDeniedException.class);

        assertThat(held.attempts).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void failuresThatAreNotAHeldFileAreReportedAtOnceEverywhere() {
        HeldOpen unsupported = new HeldOpen(1, n -> new AtomicMoveNotSupportedException("a", "b", "other store"));

        assertThatThrownBy(() -> withRetries(unsupported).move(dir.resolve("a"), dir.resolve("b")))
                .isInstanceOf(AtomicMoveNotSupportedException.class);

        assertThat(unsupported.attempts).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void thisMachinesPosixFileSystemDoesNotRetryAndRenamesForReal() throws Exception {
        Path source = Files.writeString(dir.resolve("a"), "x");

        AtomicRename.on(dir.getFileSystem()).move(source, dir.resolve("b"));

        assertThat(AtomicRename.retriesOn(dir.getFileSystem())).isFalse();
        assertThat(names()).containsExactly("b");
    }

    private AtomicRename withRetries(AtomicRename.Mover mover) {
        return new AtomicRename(mover, true, pauses::add);
    }

    /** Fails the first {@code failures} attempts, then renames for real. */
    private static final class HeldOpen implements AtomicRename.Mover {
        private final int failures;
        private final IntFunction<FileSystemException> failure;
        int attempts;

        HeldOpen(int failures, IntFunction<FileSystemException> failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public void move(Path source, Path target) throws IOException {
            attempts++;
            if (attempts <= failures) {
                throw failure.apply(attempts);
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
