package dev.localdb.adapters.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code lstat} says about a path: it never follows a symbolic link, so a link is seen
 * as a link and not as the file it points to.
 *
 * @param uid         the owner's numeric id, or -1 where the file system does not tell
 * @param permissions the permission bits (e.g. 0600), or -1 where the file system does not tell
 */
record FileFacts(Kind kind, long uid, int permissions, long size) {
    enum Kind { DIRECTORY, REGULAR_FILE, SYMBOLIC_LINK, OTHER }

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_LINK = 0120000;
    private static final int TYPE_DIRECTORY = 0040000;
    private static final int TYPE_REGULAR = 0100000;

    /** Empty when nothing is there. */
    static Optional<FileFacts> of(Path path) throws IOException {
        try {
            return Optional.of(unix(Files.readAttributes(path, "unix:mode,uid,size", LinkOption.NOFOLLOW_LINKS)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return basic(path);
        }
    }

    boolean isWritableByOthers() {
        return permissions >= 0 && (permissions & 0022) != 0;
    }

    private static FileFacts unix(Map<String, Object> attributes) {
        int mode = (Integer) attributes.get("mode");
        Kind kind = switch (mode & TYPE_MASK) {
            case TYPE_LINK -> Kind.SYMBOLIC_LINK;
            case TYPE_DIRECTORY -> Kind.DIRECTORY;
            case TYPE_REGULAR -> Kind.REGULAR_FILE;
            default -> Kind.OTHER;
        };
        return new FileFacts(kind, ((Integer) attributes.get("uid")).longValue() & 0xffffffffL, mode & 07777,
                (Long) attributes.get("size"));
    }

    private static Optional<FileFacts> basic(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Kind kind = attributes.isSymbolicLink() ? Kind.SYMBOLIC_LINK
                    : attributes.isDirectory() ? Kind.DIRECTORY
                    : attributes.isRegularFile() ? Kind.REGULAR_FILE : Kind.OTHER;
            return Optional.of(new FileFacts(kind, -1, -1, attributes.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
