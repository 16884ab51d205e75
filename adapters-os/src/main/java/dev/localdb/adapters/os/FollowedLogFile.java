package dev.localdb.adapters.os;

import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.port.ServerLogs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalInt;

/**
 * One server log read as it grows, across truncation and rotation: the file is told apart from
 * its successor by its inode ({@code fileKey}), since rotation renames it and creates a new one.
 */
final class FollowedLogFile implements ServerLogs.Reading {
    private static final int TAIL_BLOCK = 8192;

    private final Path log;
    private SeekableByteChannel channel;
    private Object followed;

    private FollowedLogFile(Path log, SeekableByteChannel channel, Object followed) {
        this.log = log;
        this.channel = channel;
        this.followed = followed;
    }

    static FollowedLogFile open(Path log, OptionalInt lastLines) throws IOException {
        Object followed = fileKey(log);
        SeekableByteChannel channel = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            if (lastLines.isPresent()) {
                channel.position(startOfLastLines(channel, lastLines.getAsInt()));
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new FollowedLogFile(log, channel, followed);
    }

    @Override
    public String read() {
        try {
            StringBuilder text = new StringBuilder();
            if (channel.size() < channel.position()) {
                channel.position(0); // the log was truncated: start over
            }
            copy(channel, text);
            Object now = fileKey(log);
            if (now != null && !now.equals(followed)) {
                // Rotated (logs.maxBytes): the old file is complete once renamed; read its rest, then go on with the new one.
                copy(channel, text);
                channel.close();
                copyRotatedInBetween(ServerLogFile.rotated(log), followed, text);
                followed = now;
                channel = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                copy(channel, text);
            }
            return text.toString();
        } catch (IOException e) {
            throw unreadable(log, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // only read from: nothing is lost
        }
    }

    static StateUnusableException unreadable(Path log, IOException e) {
        return new StateUnusableException("Cannot read the log " + log + ": " + e.getMessage()
                + "; check that the runtime folder is yours and readable.", e);
    }

    /**
     * Two rotations since the last look: the file that came between ours and the new log is now
     * {@code <log>.1}; it is complete, so print it whole. (Three or more within one interval have
     * already dropped a file from the disk; at the smallest cap that takes 300 KB/s of output.)
     */
    private static void copyRotatedInBetween(Path rotated, Object followed, StringBuilder text) {
        Object key = fileKey(rotated);
        if (key == null || key.equals(followed)) {
            return;
        }
        try (SeekableByteChannel between = Files.newByteChannel(rotated, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            copy(between, text);
        } catch (IOException e) {
            // rotated away once more meanwhile: nothing left to print
        }
    }

    /** The log's inode (null while a rotation has not yet created the new one). */
    private static Object fileKey(Path log) {
        try {
            return Files.readAttributes(log, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Where the last {@code lines} lines begin, found by reading backwards in blocks, so that a
     * long log is not read whole. A last line without its newline counts as a line.
     */
    static long startOfLastLines(SeekableByteChannel channel, int lines) throws IOException {
        long size = channel.size();
        if (lines == 0) {
            return size;
        }
        ByteBuffer block = ByteBuffer.allocate(TAIL_BLOCK);
        int newlines = 0;
        long end = size;
        boolean first = true;
        while (end > 0) {
            long start = Math.max(0, end - TAIL_BLOCK);
            block.clear().limit((int) (end - start));
            channel.position(start);
            while (block.hasRemaining() && channel.read(block) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) != '\n') {
                    continue;
                }
                if (first && start + i == size - 1) {
                    continue; // the newline that ends the last line
                }
                if (++newlines == lines) {
                    return start + i + 1;
                }
            }
            first = false;
            end = start;
        }
        return 0;
    }

    private static void copy(SeekableByteChannel from, StringBuilder text) throws IOException {
        byte[] bytes = Channels.newInputStream(from).readAllBytes();
        if (bytes.length > 0) {
            text.append(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
