package dev.localdb.adapters.storage;

import dev.localdb.domain.error.StateUnusableException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns I/O failures into the domain's one-line "unusable" errors, of the type the guarded file
 * calls for ({@link GuardedFile}: registry or config); nothing technical leaks.
 */
final class StorageErrors {
    private StorageErrors() {
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs the action; an {@link IOException} becomes "Cannot {@code <action>} {@code <path>}: {@code <cause>}." */
    static <T> T io(GuardedFile file, String action, Path path, IoAction<T> body) {
        try {
            return body.run();
        } catch (IOException e) {
            throw unusable(file, action, path, e);
        }
    }

    static StateUnusableException unusable(GuardedFile file, String action, Path path, IOException e) {
        return file.refusal(oneLine("Cannot " + action + " " + path + ": " + cause(e, path) + "."), e);
    }

    /** Control characters (from a path or a damaged file) must never reach the terminal. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static String cause(IOException e, Path path) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "Permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "No such file or directory";
        } else if (e instanceof NotDirectoryException) {
            reason = "Not a directory";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "Something that is not a directory is in the way";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getFile() != null && !Path.of(f.getFile()).equals(path)) {
            reason += " (" + f.getFile() + ")";
        }
        return reason;
    }
}
