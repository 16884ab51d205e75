package dev.localdb.adapters.storage;

import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folder operations for the project catalog: staging, publishing and hiding project folders by
 * atomic rename. Private files and directories themselves are {@link PrivateFiles}' job.
 */
final class ProjectFiles {
    /** Staging folders start with a dot, which no project name can, so they never pass for projects. */
    static final String STAGING_PREFIX = ".new-";
    /** A project folder being removed; hidden like a staging folder. */
    static final String REMOVING_PREFIX = ".removing-";

    private ProjectFiles() {
    }

    static Path createStagingDirectory(Path root, String name) throws IOException {
        return PrivateFiles.createDirectory(root.resolve(STAGING_PREFIX + name + "-" + PrivateFiles.randomHex(6)));
    }

    /** Renames a project folder to a hidden name in the same root, so that it is gone at once for every reader. */
    static Path hide(Path folder, String name) throws IOException {
        Path hidden = folder.resolveSibling(REMOVING_PREFIX + name + "-" + PrivateFiles.randomHex(6));
        Files.move(folder, hidden, StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.syncDirectory(folder.getParent());
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
        PrivateFiles.syncDirectory(staging);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw e;
        }
        PrivateFiles.syncDirectory(target.getParent());
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

    /** A file over the size limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }
}
