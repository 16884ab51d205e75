package dev.localdb.domain.model;

/** Makes user-supplied text safe to quote in an error message (also used by the frontends). */
public final class Printable {
    private static final int MAX_SHOWN = 80;

    private Printable() {
    }

    /** {@link #escaped} and at most 80 characters, so that a quoted value never floods the message. */
    public static String of(String raw) {
        int length = raw.codePointCount(0, raw.length());
        if (length <= MAX_SHOWN) {
            return escaped(raw);
        }
        return escaped(raw.substring(0, raw.offsetByCodePoints(0, MAX_SHOWN))) + "...";
    }

    /**
     * Escapes, as {@code \}{@code uXXXX}, what could drive the terminal or hide in a message:
     * control characters (C0, DEL, C1), invisible format characters (such as bidirectional
     * overrides and zero-width spaces), line and paragraph separators, and unpaired surrogates.
     * What is wrong with a value must be visible in the message that quotes it.
     */
    public static String escaped(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
