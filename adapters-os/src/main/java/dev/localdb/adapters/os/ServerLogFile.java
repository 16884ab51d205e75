package dev.localdb.adapters.os;

import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A project's server log, {@code runtime/<project>.log}: created 0600 (never chmod-ed), appended
 * to by every start, kept under {@code logs.maxBytes} with one rotated file {@code <project>.log.1}, each start opened by a marker line so that the last lines shown after a
 * failed start belong to that start. Only the end of the file is ever read.
 */
final class ServerLogFile {
    static final String START_MARKER = "--- localdb: starting ";
    /** Enough for any error message; a server that logs gigabytes costs no more to read. */
    static final int TAIL_BYTES = 64 * 1024;
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

    private final Path file;
    private final long maxBytes;

    ServerLogFile(Path file) {
        this(file, DetachedServerLauncher.DEFAULT_LOG_MAX_BYTES);
    }

    /** @param maxBytes the cap; a start that finds half of it or more rotates the log first */
    ServerLogFile(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** {@code <project>.log.1}, the one rotated log kept. */
    static Path rotated(Path log) {
        return log.resolveSibling(log.getFileName() + ".1");
    }

    Path path() {
        return file;
    }

    /**
     * Creates the runtime directory (0700) and the log (0600) if needed, and appends the start
     * marker. A log of half the cap or more is first renamed to {@link #rotated} (replacing the
     * one before): the running server then adds at most one chunk of half the cap before
     * {@link LogRotation} rotates it again, so the log stays under the cap.
     */
    void beginStart(String description) throws IOException {
        Path dir = file.getParent();
        PrivateFiles.createDirectories(dir);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && Files.size(file) >= LogRotation.chunkBytes(maxBytes)) {
            Files.move(file, rotated(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try (FileChannel log = FileChannel.open(file, options, PrivateFiles.fileAttributes(dir))) {
            ByteBuffer line = ByteBuffer.wrap((START_MARKER + description + " ---\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                log.write(line);
            }
        }
    }

    /** The last {@code count} lines written since the last start marker, made safe to print. */
    List<String> lastLines(int count) {
        if (count <= 0) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = tail();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of(); // only ever used to explain a failure; the failure is reported either way
        }
        int start = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(START_MARKER)) {
                start = i + 1;
                break;
            }
        }
        List<String> sinceStart = lines.subList(start, lines.size());
        return sinceStart.subList(Math.max(0, sinceStart.size() - count), sinceStart.size()).stream()
                .map(ServerLogFile::printable)
                .toList();
    }

    private List<String> tail() throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            long from = Math.max(0, size - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the tail is in
            }
            List<String> lines = new ArrayList<>(Arrays.asList(
                    new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\r?\n", -1)));
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0); // the first line was cut by the window
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1); // the newline that ends the file
            }
            return lines;
        }
    }

    /** Colour codes are dropped and other control characters masked: these lines reach the user's terminal. */
    private static String printable(String line) {
        StringBuilder out = new StringBuilder(line.length());
        ANSI_ESCAPE.matcher(line).replaceAll("").codePoints()
                .forEach(c -> out.appendCodePoint(c != '\t' && Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
