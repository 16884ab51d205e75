package dev.localdb.adapters.storage;

import dev.localdb.files.Checkpoint;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;

/**
 * Replaces and moves the registry so that a crash at any moment leaves either the old or the new
 * file, complete ({@link PrivateFiles#replace(Path, Path, byte[], Checkpoint)} does the writing).
 * Every method runs under the registry lock.
 */
final class RegistryWrites {
    /**
     * Hears every step of every registry write. Always {@link Checkpoint#NONE} in a real run: only
     * a crash test in this package (see {@link #stopAt}) changes it, so no property or variable
     * can make a production process pause.
     */
    private static volatile Checkpoint checkpoint = Checkpoint.NONE;

    private RegistryWrites() {
    }

    /** TEST ONLY: the crash tests stop every registry write at one step, so that they can kill the process exactly there. */
    static void stopAt(Checkpoint testCheckpoint) {
        checkpoint = Objects.requireNonNull(testCheckpoint, "testCheckpoint");
    }

    static void replace(RegistryFiles files, byte[] content) throws IOException {
        PrivateFiles.replace(files.newTempFile(), files.data(), content, checkpoint);
    }

    /** Renames the damaged registry out of the way (it keeps its 0600) and returns its new name. */
    static Path moveAside(RegistryFiles files, Instant now) throws IOException {
        Path target = files.corruptCopy(now, 0);
        // A rename replaces an existing target without asking, so look first (we hold the lock).
        for (int attempt = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); attempt++) {
            target = files.corruptCopy(now, attempt);
        }
        Files.move(files.data(), target, StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.syncDirectory(files.dir());
        return target;
    }

    /** Temporary files are only ever seen by their writer, under the lock; any found now are crash leftovers. */
    static void deleteLeftovers(RegistryFiles files) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(files.dir(), RegistryFiles::isTempFile)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
