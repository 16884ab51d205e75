package dev.localdb.server;

import java.util.List;

/**
 * Every localdb project, for the overview page. The CLI implements it from the registry; the server
 * never reads the registry itself. Called once per page view, so it may read fresh data each time.
 */
@FunctionalInterface
public interface ProjectsOverview {
    List<ProjectSummary> projects();

    /** An overview that always shows the same list (for tests, or when no registry is at hand). */
    static ProjectsOverview fixed(List<ProjectSummary> projects) {
        List<ProjectSummary> copy = List.copyOf(projects);
        return () -> copy;
    }

    static ProjectsOverview none() {
        return List::of;
    }
}
