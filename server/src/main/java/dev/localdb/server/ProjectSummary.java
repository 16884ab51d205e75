package dev.localdb.server;

import java.util.Objects;

/**
 * One localdb project as the overview page lists it. The name is a plain string on purpose: the
 * page escapes whatever it is given instead of trusting whoever built the list.
 *
 * @param port the project's port, or {@code null} when it has none
 * @param url  where the project can be opened, or {@code null}; only http(s) URLs become links
 * @param reservation a name that only holds a port ({@code localdb port NAME}): there is no server
 *                    to start, so the dashboard offers no Start for it
 * @param nameUrl the project's URL through the name proxy ({@code http://shop.localhost:1355})
 *                while the proxy runs and the project serves, else {@code null}
 */
public record ProjectSummary(String name, ProjectState state, Integer port, String url, boolean reservation, String nameUrl) {
    public ProjectSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    /** A project made with {@code localdb new}: the dashboard can start and stop it. */
    public ProjectSummary(String name, ProjectState state, Integer port, String url) {
        this(name, state, port, url, false, null);
    }

    /** Listed without a name URL: the name proxy is down, or the project does not serve. */
    public ProjectSummary(String name, ProjectState state, Integer port, String url, boolean reservation) {
        this(name, state, port, url, reservation, null);
    }
}
