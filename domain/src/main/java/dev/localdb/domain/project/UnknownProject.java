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
    /** Names this short are half changed by two edits ("db" is two from "web"): one edit only. */
    static final int SHORT_NAME = 4;
    private static final int MAX_SUGGESTIONS = 3;

    private UnknownProject() {
    }

    public static InvalidInputException of(ProjectName name, Collection<ProjectName> known) {
        List<String> close = closest(name, known);
        String suggestion = close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
        return new InvalidInputException("No project " + name + "." + suggestion + " Create it with 'localdb new " + name
                + "' (or 'localdb start " + name + " --create'); 'localdb status' lists the projects.");
    }

    /** The known names within {@link #MAX_DISTANCE} edits (one for a short name), closest first, then by name. */
    static List<String> closest(ProjectName name, Collection<ProjectName> known) {
        int distance = name.value().length() <= SHORT_NAME ? 1 : MAX_DISTANCE;
        return CloseNames.closest(name.value(), known.stream().map(ProjectName::value).toList(), distance, MAX_SUGGESTIONS);
    }
}
