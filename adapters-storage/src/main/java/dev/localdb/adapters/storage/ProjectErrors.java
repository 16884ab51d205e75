package dev.localdb.adapters.storage;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectName;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** The catalog's one-line errors: what is wrong, with which file, and what to do. */
final class ProjectErrors {
    private ProjectErrors() {
    }

    static ProjectExistsException exists(ProjectName name) {
        return new ProjectExistsException(name);
    }

    static InvalidInputException missing(ProjectName name) {
        return new InvalidInputException("Project \"" + name + "\" does not exist: create it with 'localdb new " + name + "'.");
    }

    static InvalidInputException damaged(ProjectName name, Path file, String reason) {
        return new InvalidInputException(oneLine("Project file " + file + " is damaged (" + reason
                + "): repair it, or move the folder " + file.getParent() + " aside and run 'localdb new " + name + "' again."));
    }

    static StateUnusableException unusable(String action, Path path, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new StateUnusableException(oneLine("Cannot " + action + " " + path + ": " + reason
                + "; check that the folder is yours and writable."), e);
    }

    /** Control characters (from a folder name or a damaged file) must never reach the terminal. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
