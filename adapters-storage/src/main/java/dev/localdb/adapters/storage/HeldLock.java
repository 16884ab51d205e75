package dev.localdb.adapters.storage;

import dev.localdb.domain.error.RegistryBusyException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.locks.ReentrantLock;

/** Both registry locks, held until closed. */
final class HeldLock implements AutoCloseable {
    private final ReentrantLock inJvm;
    private final FileChannel channel;
    private final FileLock fileLock;

    HeldLock(ReentrantLock inJvm, FileChannel channel, FileLock fileLock) {
        this.inJvm = inJvm;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Checked right before the registry is replaced: an interrupt closes the channel and with it
     * the file lock, and a write without the lock could undo another process's change.
     */
    void requireStillHeld() {
        if (!fileLock.isValid()) {
            throw new RegistryBusyException("Lost the registry lock before writing (was the command interrupted?); nothing was changed.");
        }
    }

    @Override
    public void close() {
        try {
            try {
                fileLock.release();
            } finally {
                channel.close();
            }
        } catch (IOException e) {
            // Closing the channel releases the lock in every case; nothing is left to undo.
        } finally {
            inJvm.unlock();
        }
    }
}
