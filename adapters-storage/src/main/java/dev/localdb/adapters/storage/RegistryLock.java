package dev.localdb.adapters.storage;

import dev.localdb.domain.error.RegistryBusyException;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static dev.localdb.adapters.storage.GuardedFile.REGISTRY;

/**
 * Excludes every other registry transaction, in this JVM and in other processes. A file lock
 * alone is not enough: it belongs to the whole process, so threads of one JVM would share it (or
 * fail with an {@link OverlappingFileLockException}). A lock per real path of the lock file comes
 * first, and only its holder ever opens the lock file, because closing any descriptor of a file
 * drops every POSIX lock the process has on it.
 */
final class RegistryLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Path lockFile;
    private final Duration timeout;
    private volatile Path key;

    RegistryLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile;
        this.timeout = timeout;
    }

    /** Takes both locks within the timeout, or throws {@link RegistryBusyException}; never returns without them. */
    HeldLock acquire() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock inJvm = IN_JVM.computeIfAbsent(key(), path -> new ReentrantLock(true));
        if (inJvm.isHeldByCurrentThread()) {
            throw new IllegalStateException("A registry transaction must not call back into the registry store.");
        }
        try {
            if (!inJvm.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy("another thread of this process (pid " + ProcessHandle.current().pid() + ")");
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        try {
            return lockFile(inJvm, deadline);
        } catch (IOException | RuntimeException | Error e) {
            inJvm.unlock();
            throw e;
        }
    }

    /** The real path, so that two spellings of one directory (a link, "..") share one in-JVM lock. */
    private Path key() throws IOException {
        Path known = key;
        if (known == null) {
            known = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
            key = known;
        }
        return known;
    }

    private HeldLock lockFile(ReentrantLock inJvm, long deadline) throws IOException {
        FileFacts.of(lockFile).ifPresent(facts -> FileSafety.requireSafeFile(REGISTRY, "Registry lock file " + lockFile, facts));
        FileChannel channel = FileChannel.open(lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PrivateFiles.fileAttributes(lockFile.getParent()));
        try {
            FileLock fileLock = poll(channel, deadline);
            recordHolder(channel);
            return new HeldLock(inJvm, channel, fileLock);
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Waits for the file lock. The timeout bounds how long one holder may keep it, not the time in
     * the queue: whenever another acquisition shows in the lock file, the wait starts over, so 50
     * processes queueing behind each other all get through, while a hung holder is named.
     */
    private FileLock poll(FileChannel channel, long deadline) throws IOException {
        long backoff = FIRST_BACKOFF_NANOS;
        String holder = LockHolder.firstLine(channel);
        while (true) {
            FileLock fileLock = tryLock(channel);
            if (fileLock != null) {
                return fileLock;
            }
            String current = LockHolder.firstLine(channel);
            if (!current.equals(holder)) {
                holder = current;
                deadline = System.nanoTime() + timeout.toNanos();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw busy(LockHolder.describe(current));
            }
            // Jitter keeps waiters that started together from retrying in lockstep.
            long pause = Math.min(left, backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                throw interrupted();
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    private FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldElsewhereInThisJvm) {
            return null;
        } catch (ClosedByInterruptException e) {
            throw interrupted();
        }
    }

    /** Writes our PID through the locked channel itself, for the message a waiter shows on timeout. */
    private static void recordHolder(FileChannel channel) {
        String line = LockHolder.line(ProcessHandle.current().pid(), ThreadLocalRandom.current().nextLong());
        byte[] pid = line.getBytes(StandardCharsets.US_ASCII);
        try {
            // Overwrite, then cut: a reader never sees an empty file, only the first line matters.
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.truncate(pid.length);
        } catch (IOException e) {
            // Only a courtesy to waiters (e.g. a full disk); the lock itself is held. An interrupt
            // closes the channel and so drops the lock, which HeldLock.requireStillHeld() catches.
        }
    }

    private RegistryBusyException busy(String holder) {
        return new RegistryBusyException("Registry is busy: " + holder + " has held the lock for more than "
                + describe(timeout) + " (" + lockFile + "). If that process is hung, stop it; nothing else is needed.");
    }

    private RegistryBusyException interrupted() {
        Thread.currentThread().interrupt();
        return new RegistryBusyException("Interrupted while waiting for the registry lock (" + lockFile + "); nothing was changed.");
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
