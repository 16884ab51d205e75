package dev.localdb.domain.error;

/** A project's port is already served by a live process other than the one asking for it. */
public final class ProjectInUseException extends LocalDbException {
    public ProjectInUseException(String message) {
        super(message);
    }
}
