package dev.localdb.domain.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** "Did you mean ...?": the known names a mistyped one is a typo or two away from (project names, command names). */
public final class CloseNames {
    private CloseNames() {
    }

    /** The known names other than {@code wanted} within {@code maxDistance} edits, closest first, then by name. */
    public static List<String> closest(String wanted, Collection<String> known, int maxDistance, int maxSuggestions) {
        return known.stream().distinct()
                .filter(candidate -> !candidate.equals(wanted) && distance(wanted, candidate) <= maxDistance)
                .sorted(Comparator.comparingInt((String candidate) -> distance(wanted, candidate)).thenComparing(Comparator.naturalOrder()))
                .limit(maxSuggestions)
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
