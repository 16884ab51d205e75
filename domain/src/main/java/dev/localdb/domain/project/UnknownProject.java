package dev.localdb.domain.project;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.CloseNames;
import dev.localdb.domain.model.ProjectName;
import java.util.Collection;
import java.util.List;

/**
 * The one message for a name localdb knows nothing of, the same from start, stop, status, logs
 * and open: what is wrong, the closest names it does know (most unknown names are typos), and
 * how to create the project.
 */
public final class UnknownProject {
    /** Up to this many edits (insert, delete, replace, swap two neighbours) a name counts as close. */
    static final int MAX_DISTANCE = 2;
    private static final int MAX_SUGGESTIONS = 3;

    private UnknownProject() {
    }

    public static InvalidInputException of(ProjectName name, Collection<ProjectName> known) {
        List<String> close = closest(name, known);
        String suggestion = close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
        return new InvalidInputException("No project " + name + "." + suggestion + " Create it with 'localdb new " + name
                + "' (or 'localdb start " + name + " --create'); 'localdb status' lists the projects.");
    }

    /** The known names within {@link #MAX_DISTANCE} edits, closest first, then by name. */
    static List<String> closest(ProjectName name, Collection<ProjectName> known) {
        return CloseNames.closest(name.value(), known.stream().map(ProjectName::value).toList(), MAX_DISTANCE, MAX_SUGGESTIONS);
    }
}
