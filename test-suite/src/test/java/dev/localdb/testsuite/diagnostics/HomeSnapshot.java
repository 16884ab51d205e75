package dev.localdb.testsuite.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry of a home with its kind, permissions, size, modification time and a hash of its
 * content. Two equal snapshots mean nothing was created, removed, rewritten or chmod-ed between them.
 */
final class HomeSnapshot {
    private HomeSnapshot() {
    }

    static Map<String, String> of(Path home) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = a.isRegularFile() ? Integer.toHexString(Arrays.hashCode(Files.readAllBytes(path))) : "-";
                entries.put(home.relativize(path).toString(), (a.isDirectory() ? "dir " : a.isSymbolicLink() ? "link " : "file ")
                        + PosixFilePermissions.toString(a.permissions()) + " size=" + a.size()
                        + " mtime=" + a.lastModifiedTime().toMillis() + " content=" + content);
            }
        }
        return entries;
    }
}
