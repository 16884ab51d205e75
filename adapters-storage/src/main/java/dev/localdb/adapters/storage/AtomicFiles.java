package dev.localdb.adapters.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;

/**
 * Replaces and moves the registry so that a crash at any moment leaves either the old or the new
 * file, complete: write a private temporary file, flush it to disk, rename it over the registry,
 * flush the directory. Every method runs under the registry lock.
 */
final class AtomicFiles {
    /**
     * TEST ONLY: {@code -Dlocaldb.test.pauseAt=written|synced|renamed} stops every registry write
     * at that step (announced on stderr) so that a crash test can kill the process exactly there.
     * Read once; when unset, as in every real run, each step costs one null check.
     */
    private static final String TEST_PAUSE_AT = System.getProperty("localdb.test.pauseAt");

    private AtomicFiles() {
    }

    static void replace(RegistryFiles files, byte[] content) throws IOException {
        Path temp = files.newTempFile();
        try {
            try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    FileSafety.privateFile(files.dir()))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                pauseForTestAt("written");
                channel.force(true);
            }
            pauseForTestAt("synced");
            Files.move(temp, files.data(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            pauseForTestAt("renamed");
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(files.dir());
    }

    /** Renames the damaged registry out of the way (it keeps its 0600) and returns its new name. */
    static Path moveAside(RegistryFiles files, Instant now) throws IOException {
        Path target = files.corruptCopy(now, 0);
        // A rename replaces an existing target without asking, so look first (we hold the lock).
        for (int attempt = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); attempt++) {
            target = files.corruptCopy(now, attempt);
        }
        Files.move(files.data(), target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(files.dir());
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

    /** Makes the rename itself durable; some platforms cannot open a directory, and lose nothing else. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some network file systems refuse; the data file itself was forced.
        }
    }

    /** See {@link #TEST_PAUSE_AT}; bounded, so a test that forgets the process cannot leave it forever. */
    private static void pauseForTestAt(String step) {
        if (TEST_PAUSE_AT != null && TEST_PAUSE_AT.equals(step)) {
            System.err.println("localdb-test: paused at " + step);
            System.err.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
