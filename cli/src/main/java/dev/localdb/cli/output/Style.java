package dev.localdb.cli.output;

import java.util.Map;

/**
 * Colour and symbols for people at a terminal, nothing for scripts. Colour is on only when
 * standard output is a terminal, {@code NO_COLOR} is unset or empty (https://no-color.org),
 * {@code TERM} is not {@code dumb} and {@code --no-color} was not given. When it is off every
 * method returns its text unchanged, so piped output stays byte for byte what scripts read.
 *
 * <p>Wrap whole cells or lines, never part of a word a test or script might look for, and
 * compute column widths from the plain text (see {@link Columns}).
 */
public final class Style {
    /** No colour, no extra symbols: what every pipe and file gets. */
    public static final Style PLAIN = new Style(false);

    private static final String RESET = "\u001b[0m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String DIM = "\u001b[2m";

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    /** The style for this process: asks the JVM whether standard output is a terminal. */
    public static Style detect(Map<String, String> env, boolean noColorOption) {
        return decide(env, System.console() != null, noColorOption);
    }

    /** The rule itself, with the terminal question answered by the caller (tests pass it in). */
    public static Style decide(Map<String, String> env, boolean terminal, boolean noColorOption) {
        boolean noColorSet = !env.getOrDefault("NO_COLOR", "").isEmpty();
        boolean dumb = "dumb".equals(env.getOrDefault("TERM", ""));
        return new Style(terminal && !noColorSet && !dumb && !noColorOption);
    }

    public String green(String text) {
        return paint(GREEN, text);
    }

    public String red(String text) {
        return paint(RED, text);
    }

    public String yellow(String text) {
        return paint(YELLOW, text);
    }

    public String dim(String text) {
        return paint(DIM, text);
    }

    /** A line saying something worked: green with a leading ✓ on a terminal, unchanged otherwise. */
    public String success(String line) {
        return colour ? green("✓ " + line) : line;
    }

    /** A line saying something did not work: red with a leading ✗ on a terminal, unchanged otherwise. */
    public String failure(String line) {
        return colour ? red("✗ " + line) : line;
    }

    /**
     * A project or allocation state as {@code status} and {@code ports} print it: running and
     * active green, stopped and released dim, crashed red, stale yellow; any other label as is.
     */
    public String state(String label) {
        return switch (label) {
            case "running", "active" -> green(label);
            case "stopped", "released" -> dim(label);
            case "crashed" -> red(label);
            case "stale" -> yellow(label);
            default -> label;
        };
    }

    private String paint(String code, String text) {
        return colour && !text.isEmpty() ? code + text + RESET : text;
    }
}
