package dev.localdb.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The rename step of the durable replace. On Windows a rename over a file that another process
 * has open (a reader of the registry, an antivirus scanner) fails with "access denied" or "used by
 * another process" until that process closes it, which takes milliseconds; so there, and only
 * there, it is tried again for about a second before the last failure is reported. A POSIX rename
 * never fails that way, so a failure there is reported at once.
 */
final class AtomicRename {
    static final int ATTEMPTS = 20;
    static final Duration PAUSE = Duration.ofMillis(50);

    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Mover mover;
    private final boolean retriesWhileHeldOpen;
    private final Pause pause;

    /** The seam for tests: a mover that fails as Windows does, and a pause that does not wait. */
    AtomicRename(Mover mover, boolean retriesWhileHeldOpen, Pause pause) {
        this.mover = mover;
        this.retriesWhileHeldOpen = retriesWhileHeldOpen;
        this.pause = pause;
    }

    static AtomicRename on(FileSystem fileSystem) {
        return new AtomicRename(AtomicRename::atomicMove, retriesOn(fileSystem), duration -> Thread.sleep(duration.toMillis()));
    }

    /** Where the file system has no POSIX permissions (Windows' NTFS, FAT). */
    static boolean retriesOn(FileSystem fileSystem) {
        return !fileSystem.supportedFileAttributeViews().contains("posix");
    }

    void move(Path source, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                mover.move(source, target);
                return;
            } catch (FileSystemException e) {
                if (!retriesWhileHeldOpen || !heldOpenElsewhere(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    pause.sleep(PAUSE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Windows reports a target held open as access denied, or (a sharing violation) as a plain
     * {@link FileSystemException}; its subclasses (no such file, atomic move not supported, ...)
     * are not passing.
     */
    private static boolean heldOpenElsewhere(FileSystemException e) {
        return e instanceof AccessDeniedException || e.getClass() == FileSystemException.class;
    }

    private static void atomicMove(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
