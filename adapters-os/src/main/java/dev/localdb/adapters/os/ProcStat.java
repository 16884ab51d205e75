package dev.localdb.adapters.os;

import java.util.Optional;

/**
 * The fields we need from a {@code /proc/<pid>/stat} line: the state (field 3), the session id
 * (field 6) and the start time in clock ticks since boot (field 22).
 */
record ProcStat(char state, long session, long startTicks) {
    /** Field 6 (session id) is the 4th field after the command name. */
    private static final int SESSION_AFTER_COMM = 3;
    /** Field 22 is the 20th field after the command name. */
    private static final int START_TIME_AFTER_COMM = 19;

    /**
     * Parses a stat line. The command name (field 2) sits in parentheses and may itself contain
     * spaces and parentheses, so the fields are counted from the last ')'.
     */
    static Optional<ProcStat> parse(String line) {
        int commEnd = line.lastIndexOf(')');
        if (commEnd < 0) {
            return Optional.empty();
        }
        String[] fields = line.substring(commEnd + 1).trim().split(" +");
        if (fields.length <= START_TIME_AFTER_COMM || fields[0].length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(fields[0].charAt(0), Long.parseLong(fields[SESSION_AFTER_COMM]),
                    Long.parseLong(fields[START_TIME_AFTER_COMM])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A zombie (Z) has exited and only waits for its parent to collect it; X is fully dead. */
    boolean hasExited() {
        return state == 'Z' || state == 'X' || state == 'x';
    }
}
