package dev.localdb.testsuite.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shared log of the history check (see {@link HistoryLog}), read back in file order: the
 * critical sections, what each caller was told, and the digests of lock-free reads. Parsing checks
 * the first property at once: a section must be left before the next one is entered.
 */
final class History {
    /** One transaction as seen from inside the lock. */
    record Section(int worker, int op, String seen, String kind, String project, Instant at, Set<Integer> busyPorts,
                   String produced) {
        String key() {
            return worker + "/" + op;
        }
    }

    final List<Section> sections = new ArrayList<>();
    final Map<String, String> acknowledged = new HashMap<>();
    final List<String> readDigests = new ArrayList<>();
    final List<String> overlaps = new ArrayList<>();
    int aborted;

    static History parse(List<String> lines) {
        History history = new History();
        String[] inside = null; // the "E" line of the section in progress
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            switch (f[0]) {
                case "E" -> {
                    if (inside != null) {
                        history.overlaps.add("line " + (i + 1) + ": worker " + f[1] + " entered while worker " + inside[1]
                                + " (op " + inside[2] + ") was inside");
                    }
                    inside = f;
                }
                case "L", "X" -> {
                    if (inside == null || !inside[1].equals(f[1]) || !inside[2].equals(f[2])) {
                        history.overlaps.add("line " + (i + 1) + ": worker " + f[1] + " left a section it was not alone in");
                    } else if (f[0].equals("L")) {
                        history.sections.add(new Section(Integer.parseInt(f[1]), Integer.parseInt(f[2]), inside[3], f[3], f[4],
                                Instant.parse(f[5]), ports(f[6]), f[7]));
                    } else {
                        history.aborted++;
                    }
                    inside = null;
                }
                case "A" -> history.acknowledged.put(f[1] + "/" + f[2], f[3]);
                case "R" -> history.readDigests.add(f[3]);
                default -> throw new AssertionError("unexpected history line " + (i + 1) + ": " + lines.get(i));
            }
        }
        if (inside != null) {
            history.overlaps.add("worker " + inside[1] + " never left its last section (op " + inside[2] + ")");
        }
        return history;
    }

    private static Set<Integer> ports(String field) {
        return field.equals("-") ? Set.of() : Arrays.stream(field.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
    }
}
