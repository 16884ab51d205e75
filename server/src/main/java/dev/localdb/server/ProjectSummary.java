package dev.localdb.server;

import java.util.Objects;

/**
 * One localdb project as the overview page lists it. The name is a plain string on purpose: the
 * page escapes whatever it is given instead of trusting whoever built the list.
 *
 * @param port the project's port, or {@code null} when it has none
 * @param url  where the project can be opened, or {@code null}; only http(s) URLs become links
 */
public record ProjectSummary(String name, ProjectState state, Integer port, String url) {
    public ProjectSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
