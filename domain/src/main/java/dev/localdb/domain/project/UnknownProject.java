package dev.localdb.domain.project;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

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
        String wanted = name.value();
        return known.stream().map(ProjectName::value).distinct()
                .filter(candidate -> !candidate.equals(wanted) && distance(wanted, candidate) <= MAX_DISTANCE)
                .sorted(Comparator.comparingInt((String candidate) -> distance(wanted, candidate)).thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .collect(Collectors.toList());
    }

    /** Optimal string alignment distance: a swapped pair of letters ("sohp") is one typo, not two. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
