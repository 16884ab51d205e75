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
     * The first line of the lock file: the holder's PID and a token that changes with every
     * acquisition, so a waiter can tell a queue that moves from a holder that hangs. Read through
     * the waiter's own channel: opening and closing another descriptor of the lock file could
     * drop a lock this process holds.
     */
    static String firstLine(FileChannel waiterChannel) {
        ByteBuffer buffer = ByteBuffer.allocate(48);
        try {
            waiterChannel.read(buffer, 0);
        } catch (IOException e) {
            return "";
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** "process 1234" from a first line such as {@code 1234 5f3a9c}, or "another process". */
    static String describe(String firstLine) {
        String pid = firstLine.split(" ", 2)[0];
        return pid.matches("[1-9][0-9]{0,18}") ? "process " + pid : "another process";
    }

    /** The line a new holder writes: its PID and a fresh token. */
    static String line(long pid, long token) {
        return pid + " " + Long.toHexString(token) + "\n";
    }
}
