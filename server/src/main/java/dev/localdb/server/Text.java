package dev.localdb.server;

/** Keeps echoed user input short in error messages. */
final class Text {
    private static final int MAX = 80;

    private Text() {
    }

    static String shorten(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > MAX ? raw.substring(0, MAX) + "..." : raw;
    }
}
