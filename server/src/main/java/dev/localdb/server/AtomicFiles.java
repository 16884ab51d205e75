package dev.localdb.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Private, crash-safe files. A file is written to a temp file beside it (created 0600), forced to
 * disk and renamed over the target, so a reader or a crash sees the old content or the new, never
 * a mix. Directories are created 0700. Permissions are set at creation, never by chmod afterwards.
 */
final class AtomicFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final String TEMP_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * NIO copies every read and write through a direct buffer as large as it, and keeps one per
     * thread; with a thread per connection, whole-file writes of 1 MiB documents would fill the
     * JVM's direct memory (as large as its 32 MiB heap). In slices each thread keeps 16 KiB.
     */
    private static final int SLICE = 16 * 1024;

    private AtomicFiles() {
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * The whole file, read in slices like {@link #write}.
     *
     * @throws java.nio.file.NoSuchFileException if there is none
     */
    static byte[] read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is too large to read (" + size + " bytes)");
            }
            byte[] content = new byte[(int) size];
            int offset = 0;
            for (int n; offset < content.length
                    && (n = channel.read(ByteBuffer.wrap(content, offset, Math.min(SLICE, content.length - offset)))) >= 0; ) {
                offset += n;
            }
            return offset == content.length ? content : Arrays.copyOf(content, offset);
        }
    }

    static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + randomHex(6) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), privateFile())) {
                for (int offset = 0; offset < content.length; offset += SLICE) {
                    ByteBuffer buffer = ByteBuffer.wrap(content, offset, Math.min(SLICE, content.length - offset));
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    static void delete(Path target) throws IOException {
        Files.deleteIfExists(target);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Temp files left behind by a crash between "create temp" and "rename". */
    static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    static String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /** Makes the rename itself durable. Best effort: some systems cannot open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The data file itself is on disk; only the directory entry may lag on such systems.
        }
    }

    private static FileAttribute<?>[] privateFile() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
