package dev.localdb.adapters.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File operations for the project catalog: private from creation (directories 0700, files 0600,
 * never chmod-ed afterwards), durable (forced to disk), and published by an atomic rename.
 * (The registry store has its own helpers; the two are kept apart while both are young.)
 */
final class ProjectFiles {
    /** Staging folders start with a dot, which no project name can, so they never pass for projects. */
    static final String STAGING_PREFIX = ".new-";
    /** A project folder being removed; hidden like a staging folder. */
    static final String REMOVING_PREFIX = ".removing-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProjectFiles() {
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        Files.createDirectories(dir, privateDirectory(dir));
    }

    static Path createStagingDirectory(Path root, String name) throws IOException {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path staging = root.resolve(STAGING_PREFIX + name + "-" + HexFormat.of().formatHex(random));
        return Files.createDirectory(staging, privateDirectory(root));
    }

    static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, privateDirectory(dir.getParent()));
    }

    /** Writes a file that must not exist yet, 0600 from its creation, and forces it to disk. */
    static void writeNewPrivateFile(Path file, byte[] content) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attributes = supportsPosix(file.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Replaces a file in one step: the new content goes to a private temporary file in the same
     * folder, forced to disk, and is renamed over the old one, so a reader sees old or new, whole.
     */
    static void replacePrivateFile(Path file, byte[] content) throws IOException {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp-" + HexFormat.of().formatHex(random));
        try {
            writeNewPrivateFile(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(file.getParent());
    }

    /** Renames a project folder to a hidden name in the same root, so that it is gone at once for every reader. */
    static Path hide(Path folder, String name) throws IOException {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path hidden = folder.resolveSibling(REMOVING_PREFIX + name + "-" + HexFormat.of().formatHex(random));
        Files.move(folder, hidden, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(folder.getParent());
        return hidden;
    }

    /** True when the folder holds nothing but (empty) folders: e.g. a server's data folder before its first document. */
    static boolean holdsNoFiles(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.allMatch(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** Deletes a folder and everything in it, without following symbolic links; the first failure is thrown. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Renames a complete folder into place. On Linux rename(2) refuses a target folder that has
     * content, so of two processes publishing the same project exactly one succeeds.
     *
     * @return false when something is at the target already
     */
    static boolean publish(Path staging, Path target) throws IOException {
        syncDirectory(staging);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw e;
        }
        syncDirectory(target.getParent());
        return true;
    }

    /**
     * Reads a regular file of at most {@code limit} bytes without following a symbolic link.
     *
     * @throws TooLarge when the file is bigger than the limit (a project file never is)
     */
    static byte[] readSmallFile(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] content = in.readNBytes(limit + 1);
            if (content.length > limit) {
                throw new TooLarge();
            }
            return content;
        }
    }

    static boolean isRegularFile(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
    }

    /** Removes a staging folder that did not get published; best effort, it is invisible anyway. */
    static void deleteQuietly(Path staging) {
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(staging)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A left-over hidden staging folder is harmless: list() and find() never look at it.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }

    /** Makes a rename or a new entry durable. Best effort: some file systems cannot open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The files themselves are on disk; only the directory entry may lag on such systems.
        }
    }

    private static FileAttribute<?>[] privateDirectory(Path near) {
        return supportsPosix(near)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A file over the size limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }
}
