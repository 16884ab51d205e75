package dev.localdb.adapters.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Names the process holding the registry lock, from the PID it wrote into the lock file. */
final class LockHolder {
    private LockHolder() {
    }

    /**
     * Reads through the waiter's own channel: opening and closing another descriptor of the lock
     * file could drop a lock this process holds.
     */
    static String describe(FileChannel waiterChannel) {
        ByteBuffer buffer = ByteBuffer.allocate(24);
        try {
            waiterChannel.read(buffer, 0);
        } catch (IOException e) {
            return "another process";
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.matches("[1-9][0-9]{0,18}") ? "process " + first : "another process";
    }
}
