package dev.localdb.domain.error;

import dev.localdb.domain.model.ProjectName;

/**
 * A project of this name exists already. Its own type, so that a racing {@code start --create}
 * can tell "someone else created it" from any other bad input, which it must not swallow.
 */
public final class ProjectExistsException extends LocalDbException {
    public ProjectExistsException(ProjectName name) {
        super("Project \"" + name + "\" exists already: use a different name or 'localdb start " + name + "'.");
    }
}
