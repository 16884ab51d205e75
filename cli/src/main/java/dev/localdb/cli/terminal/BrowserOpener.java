package dev.localdb.cli.terminal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a URL the way other command-line tools do: {@code $BROWSER} first (a ':'-separated list;
 * "%s" stands for the URL), else {@code open} on macOS and {@code xdg-open} elsewhere when there is
 * a display (X11 or Wayland); without one nothing is launched and {@link #open} says so. The browser
 * runs on its own; localdb neither waits for it nor shows its output.
 */
public final class BrowserOpener {
    private final Map<String, String> env;

    public BrowserOpener(Map<String, String> env) {
        this.env = env;
    }

    /** Whether a browser was launched. */
    public boolean open(String url) {
        for (List<String> command : candidates(url)) {
            try {
                new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                return true;
            } catch (IOException e) {
                // not installed: try the next candidate
            }
        }
        return false;
    }

    /** Whether the user named a browser explicitly (then no display check is needed). */
    public boolean configured() {
        return !env.getOrDefault("BROWSER", "").isBlank();
    }

    private List<List<String>> candidates(String url) {
        List<List<String>> commands = new ArrayList<>();
        for (String browser : env.getOrDefault("BROWSER", "").split(":")) {
            if (!browser.isBlank()) {
                commands.add(browser.contains("%s") ? List.of("/bin/sh", "-c", browser.replace("%s", "\"$0\""), url)
                        : List.of(browser.trim(), url));
            }
        }
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        // Without a display xdg-open starts, finds no browser and fails where nobody sees it:
        // better to say that nothing opened (the caller prints the URL and a warning).
        if (new Terminal(false, env).hasDisplay()) {
            commands.add(List.of(mac ? "open" : "xdg-open", url));
        }
        return commands;
    }
}
