package dev.localdb.adapters.storage;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child process: holds the lock file for {@code args[1]} ms while writing a new holder
 * line every 100 ms, as a queue of short transactions handing the lock on would.
 */
public final class LockQueueMain {
    private LockQueueMain() {
    }

    public static void main(String[] args) throws Exception {
        long until = System.currentTimeMillis() + Long.parseLong(args[1]);
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println("holding");
            System.out.flush();
            for (long token = 1; System.currentTimeMillis() < until; token++) {
                byte[] line = LockHolder.line(ProcessHandle.current().pid() + token, token).getBytes(StandardCharsets.US_ASCII);
                channel.write(ByteBuffer.wrap(line), 0);
                channel.truncate(line.length);
                Thread.sleep(100);
            }
        }
    }
}
