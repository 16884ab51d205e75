package dev.localdb.testsuite.reliability;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a command could change under a folder: each path with its kind, permissions,
 * modification time, inode and content. Two equal snapshots mean nothing was written, renamed,
 * created or deleted (not even rewritten with the same bytes, which changes the time).
 */
record HomeSnapshot(Map<String, String> entries) {

    static HomeSnapshot of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = attributes.isRegularFile() ? sha256(Files.readAllBytes(path)) : "-";
                entries.put(root.relativize(path).toString(), (attributes.isDirectory() ? "dir " : attributes.isSymbolicLink() ? "link " : "file ")
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
                        + " mtime=" + attributes.lastModifiedTime().toMillis() + "/" + attributes.lastModifiedTime()
                        + " inode=" + attributes.fileKey() + " size=" + attributes.size() + " content#" + content);
            }
        }
        return new HomeSnapshot(entries);
    }

    /** The same snapshot without one path (relative to the snapshot's root). */
    HomeSnapshot without(String relativePath) {
        Map<String, String> rest = new TreeMap<>(entries);
        rest.remove(relativePath);
        return new HomeSnapshot(rest);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
