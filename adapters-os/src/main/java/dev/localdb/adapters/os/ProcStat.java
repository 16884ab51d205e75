package dev.localdb.adapters.os;

import java.util.Optional;

/**
 * The fields we need from a {@code /proc/<pid>/stat} line: the state (field 3), the process group
 * (field 5), the session id (field 6), the foreground process group of its terminal (field 8) and
 * the start time in clock ticks since boot (field 22).
 */
record ProcStat(char state, long processGroup, long session, long terminalForegroundGroup, long startTicks) {
    /** Field 5 (process group) is the 3rd field after the command name. */
    private static final int GROUP_AFTER_COMM = 2;
    /** Field 6 (session id) is the 4th field after the command name. */
    private static final int SESSION_AFTER_COMM = 3;
    /** Field 8 (tpgid) is the 6th field after the command name. */
    private static final int TERMINAL_GROUP_AFTER_COMM = 5;
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
            return Optional.of(new ProcStat(fields[0].charAt(0), Long.parseLong(fields[GROUP_AFTER_COMM]),
                    Long.parseLong(fields[SESSION_AFTER_COMM]), Long.parseLong(fields[TERMINAL_GROUP_AFTER_COMM]),
                    Long.parseLong(fields[START_TIME_AFTER_COMM])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this process's group is the one its terminal shows in the foreground (false without a terminal: tpgid -1). */
    boolean inForegroundOfTerminal() {
        return processGroup == terminalForegroundGroup;
    }

    /** A zombie (Z) has exited and only waits for its parent to collect it; X is fully dead. */
    boolean hasExited() {
        return state == 'Z' || state == 'X' || state == 'x';
    }
}
