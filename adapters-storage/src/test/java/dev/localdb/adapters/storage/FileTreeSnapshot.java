package dev.localdb.adapters.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every entry below a directory with its kind, mode, size, mtime and content hash: equal snapshots, nothing changed. */
final class FileTreeSnapshot {
    private FileTreeSnapshot() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = a.isRegularFile() ? Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(path))) : "-";
                entries.put(root.relativize(path).toString(), (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f") + " "
                        + PosixFilePermissions.toString(a.permissions()) + " " + a.size() + " " + a.lastModifiedTime().toMillis()
                        + " " + content);
            }
        }
        return entries;
    }
}
