package dev.localdb.server;

import java.util.Locale;

/** How a project looks to the overview page: its server runs, was stopped, or died without stopping. */
public enum ProjectState {
    RUNNING,
    STOPPED,
    CRASHED;

    /** The lower-case word shown on the page, e.g. {@code running}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
