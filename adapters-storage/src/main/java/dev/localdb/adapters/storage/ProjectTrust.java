package dev.localdb.adapters.storage;

import dev.localdb.domain.error.StateUnusableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runtime rules ({@link FileSafety}) for what makes a project: the home, {@code projects/},
 * a project's folder, its data folder and its {@code project.json}. A project names a command
 * that localdb runs as you, so anything another user owns or may write, and any symbolic link
 * (dangling or not: it would make localdb read and write wherever it points), is refused with
 * one line naming the path and the fix. Readable by others is allowed (doctor flags it): it
 * exposes, it does not take over.
 */
final class ProjectTrust {
    private ProjectTrust() {
    }

    /** Checks a directory if it exists; a missing one is fine (localdb creates it 0700). */
    static void requireDirectory(String what, Path dir) {
        require(what, dir, FileFacts.Kind.DIRECTORY, "a real directory", "700");
    }

    /** Checks a file if it exists; a missing one is left to the caller to report. */
    static void requireFile(String what, Path file) {
        require(what, file, FileFacts.Kind.REGULAR_FILE, "a regular file", "600");
    }

    private static void require(String what, Path path, FileFacts.Kind kind, String noun, String privateMode) {
        Optional<FileFacts> found;
        try {
            found = FileFacts.of(path);
        } catch (IOException e) {
            throw ProjectErrors.unusable("inspect", path, e);
        }
        if (found.isEmpty()) {
            return;
        }
        FileFacts facts = found.get();
        String subject = what + " " + path;
        if (facts.kind() == FileFacts.Kind.SYMBOLIC_LINK) {
            throw refused(subject + " is a symbolic link, which localdb refuses to follow; replace it with " + noun + ".");
        }
        if (facts.kind() != kind) {
            throw refused(subject + " is not " + noun + "; move it out of the way and try again.");
        }
        if (HomeInspection.notYours(facts)) {
            throw refused(subject + " belongs to user id " + facts.uid() + ", not to you (user id " + FileSafety.currentUid()
                    + "): remove it, or if it is yours run 'chown " + FileSafety.currentUid() + " " + Shell.quote(path)
                    + "' (localdb runs nothing another user could have written).");
        }
        if (facts.isWritableByOthers()) {
            throw refused(subject + " can be written by other users (mode " + HomeInspection.mode(facts) + "): run 'chmod "
                    + privateMode + " " + Shell.quote(path) + "' and try again (localdb runs nothing another user could have changed).");
        }
    }

    private static StateUnusableException refused(String message) {
        return new StateUnusableException(ProjectErrors.oneLine(message));
    }
}
