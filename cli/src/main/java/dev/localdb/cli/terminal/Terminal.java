package dev.localdb.cli.terminal;

import java.util.Map;

/**
 * What the user's terminal can do. Spinners and the browser are for people at a terminal;
 * piped output stays plain so scripts can read it.
 */
public record Terminal(boolean interactive, Map<String, String> env) {

    /** Interactive when the JVM has a console, i.e. standard input and output are both a terminal. */
    public static Terminal detect(Map<String, String> env) {
        return new Terminal(System.console() != null, env);
    }

    /** A display to open a browser on: macOS always has one; elsewhere X11 or Wayland must be set. */
    public boolean hasDisplay() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac")) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }
}
