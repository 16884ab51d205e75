package dev.localdb.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Private, crash-safe files for every module that keeps state on disk. Directories are 0700 and
 * files 0600 from the moment they exist, never chmod-ed afterwards. A file is replaced by writing
 * a temporary file beside it, forcing it to disk, renaming it over the target and forcing the
 * directory, so a reader or a crash sees the old content or the new, never a mix.
 *
 * <p>Where the file system has ACLs instead of POSIX modes (Windows), a new directory, and a file
 * before any content is written to it, get an owner-only ACL instead ({@link OwnerOnlyAcl}); the
 * rename is retried while another process holds the target open and the directory is not forced
 * ({@link AtomicRename}, {@link #syncDirectory}). The ACL wiring has never run: the file systems
 * of Linux, where localdb is built and tested, have no ACL view (docs/PLATFORMS.md).
 */
public final class PrivateFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    /**
     * NIO copies every read and write through a direct buffer as large as it, and keeps one per
     * thread; with a thread per connection (the server), whole-file writes of 1 MiB documents
     * would fill the JVM's direct memory. In slices each thread keeps 16 KiB.
     */
    private static final int SLICE = 16 * 1024;

    private PrivateFiles() {
    }

    /** The directory and any missing parents, each new one 0700. */
    public static void createDirectories(Path dir) throws IOException {
        List<Path> missing = usesAcl(dir) ? missingDirectories(dir) : List.of();
        Files.createDirectories(dir, directoryAttributes(dir));
        for (Path made : missing) {
            restrictAclToOwner(made);
        }
    }

    /** One new 0700 directory; its parent must exist. */
    public static Path createDirectory(Path dir) throws IOException {
        Path made = Files.createDirectory(dir, directoryAttributes(dir.toAbsolutePath().getParent()));
        restrictAclToOwner(made);
        return made;
    }

    /**
     * The directory, made like {@link #createDirectories} when missing, and set back to 0700 when
     * it exists with another mode (made by an older version or by hand): for folders that hold
     * secrets, such as the local CA's.
     */
    public static void ensurePrivateDirectory(Path dir) throws IOException {
        createDirectories(dir);
        restrictToOwner(dir);
    }

    /**
     * Sets an existing file back to 0600, or a directory to 0700, when its mode is another (where
     * there are ACLs instead, gives it the owner-only ACL). For files that may predate their
     * creation with {@link #fileAttributes}, such as a lock file an older version made.
     */
    public static void restrictToOwner(Path path) throws IOException {
        if (usesAcl(path)) {
            setOwnerOnlyAcl(path);
            return;
        }
        if (!hasPosixPermissions(path)) {
            return;
        }
        Set<PosixFilePermission> wanted = PosixFilePermissions.fromString(
                Files.isDirectory(path) ? "rwx------" : "rw-------");
        if (!Files.getPosixFilePermissions(path).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /** The attributes that make a file 0600 at creation; none where the file system has no POSIX permissions. */
    public static FileAttribute<?>[] fileAttributes(Path near) {
        return posix(near, "rw-------");
    }

    /** Writes a file that must not exist yet (a symbolic link in its place is refused), 0600, forced to disk. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        writeNew(file, content, Checkpoint.NONE);
    }

    private static void writeNew(Path file, byte[] content, Checkpoint checkpoint) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel channel = FileChannel.open(file, options, fileAttributes(file.toAbsolutePath().getParent()))) {
            restrictAclToOwner(file); // while it is still empty
            for (int offset = 0; offset < content.length; offset += SLICE) {
                ByteBuffer buffer = ByteBuffer.wrap(content, offset, Math.min(SLICE, content.length - offset));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            checkpoint.reached(Checkpoint.Step.WRITTEN);
            channel.force(true);
        }
    }

    /** Replaces (or creates) the file in one step, through a temporary file beside it that {@link #isTempFile} recognises. */
    public static void replace(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir);
        replace(dir.resolve("." + target.getFileName() + "." + randomHex(6) + TEMP_SUFFIX), target, content, Checkpoint.NONE);
    }

    /**
     * Replaces the file in one step through the given temporary file (which must not exist), in
     * the target's directory so the rename is atomic. The checkpoint hears each step as it is done.
     */
    public static void replace(Path temp, Path target, byte[] content, Checkpoint checkpoint) throws IOException {
        replace(temp, target, content, checkpoint, AtomicRename.on(target.getFileSystem()));
    }

    /** The seam for tests of the rename's retries. */
    static void replace(Path temp, Path target, byte[] content, Checkpoint checkpoint, AtomicRename rename) throws IOException {
        try {
            writeNew(temp, content, checkpoint);
            checkpoint.reached(Checkpoint.Step.SYNCED);
            rename.move(temp, target);
            checkpoint.reached(Checkpoint.Step.RENAMED);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Deletes the file if it is there, durably. */
    public static void delete(Path target) throws IOException {
        Files.deleteIfExists(target);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * The whole file, read in slices like the writes.
     *
     * @throws java.nio.file.NoSuchFileException if there is none
     */
    public static byte[] read(Path file) throws IOException {
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

    /** Temporary files of {@link #replace(Path, byte[])} left behind by a crash between "create temp" and "rename". */
    public static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * Makes a rename or a new entry durable. Skipped where the file system has no POSIX permissions:
     * Windows cannot open a directory to force it (and makes a rename durable itself). Best effort
     * elsewhere too: some network file systems refuse it.
     */
    public static void syncDirectory(Path dir) {
        if (!hasPosixPermissions(dir)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The files themselves are on disk; only the directory entry may lag on such systems.
        }
    }

    /** Random hex for names nobody else picks, e.g. temporary and staging files. */
    public static String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        Random.SOURCE.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /**
     * Made on first use, not with the class: seeding a SecureRandom costs ~11 ms of a cold JVM, and
     * the registry's own writes (the path every `port` and test reservation takes) never need it.
     */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }

    private static FileAttribute<?>[] directoryAttributes(Path near) {
        return posix(near, "rwx------");
    }

    private static boolean usesAcl(Path near) {
        return OwnerOnlyAcl.appliesTo(near.getFileSystem().supportedFileAttributeViews());
    }

    /** The directory and those of its parents that do not exist yet, outermost first. */
    private static List<Path> missingDirectories(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        return missing;
    }

    /** Replaces what a new file or directory inherited with one entry for its owner; nothing where POSIX modes did it. */
    private static void restrictAclToOwner(Path created) throws IOException {
        if (usesAcl(created)) {
            setOwnerOnlyAcl(created);
        }
    }

    private static void setOwnerOnlyAcl(Path path) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
        view.setAcl(OwnerOnlyAcl.entries(Files.getOwner(path), Files.isDirectory(path)));
    }

    private static boolean hasPosixPermissions(Path near) {
        return near.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] posix(Path near, String permissions) {
        return hasPosixPermissions(near)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
