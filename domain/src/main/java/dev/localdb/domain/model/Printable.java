package dev.localdb.domain.model;

/** Makes user-supplied text safe to quote in an error message. */
final class Printable {
    private static final int MAX_SHOWN = 80;

    private Printable() {
    }

    /** Escapes control characters (C0, DEL, C1) so that a message can never drive the terminal. */
    static String of(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(MAX_SHOWN).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return raw.codePointCount(0, raw.length()) > MAX_SHOWN ? out + "..." : out.toString();
    }
}
