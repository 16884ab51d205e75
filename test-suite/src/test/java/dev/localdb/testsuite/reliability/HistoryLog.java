package dev.localdb.testsuite.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One worker's side of the shared history log. Every worker appends to the same file opened with
 * O_APPEND, each line with a single write(2): the kernel puts each write at the end of the file as
 * one piece, so the order of lines is the order in which the writes happened, across processes,
 * without trusting any clock. A worker writes "enter" after it got the lock and "leave" before it
 * gives it up, so if the lock works, no "enter" can come between another worker's pair.
 *
 * <p>Lines: {@code E worker op seen-digest}, {@code L worker op kind project instant busy-ports
 * produced-digest}, {@code X worker op} (the transaction threw), {@code A worker op result} (the
 * caller got the result), {@code R worker op digest} (a read without the lock).
 */
final class HistoryLog {
    private final FileChannel log;
    private final int worker;

    HistoryLog(FileChannel appendingLog, int worker) {
        this.log = appendingLog;
        this.worker = worker;
    }

    void enter(int op, String seen) {
        append("E " + worker + " " + op + " " + seen);
    }

    void leave(int op, String kind, String project, Instant at, List<Integer> busyPorts, String produced) {
        String busy = busyPorts.isEmpty() ? "-" : busyPorts.stream().map(String::valueOf).collect(Collectors.joining(","));
        append("L " + worker + " " + op + " " + kind + " " + project + " " + at + " " + busy + " " + produced);
    }

    void aborted(int op) {
        append("X " + worker + " " + op);
    }

    void acknowledged(int op, String result) {
        append("A " + worker + " " + op + " " + result);
    }

    void read(int op, String digest) {
        append("R " + worker + " " + op + " " + digest);
    }

    private void append(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            int written = log.write(bytes);
            if (bytes.hasRemaining()) {
                // Never seen for lines this short on a local file system; a split line would spoil the order.
                throw new IOException("short write to the history log: " + written + " bytes of " + bytes.limit());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
