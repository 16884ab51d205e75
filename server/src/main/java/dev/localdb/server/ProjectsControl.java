package dev.localdb.server;

/**
 * Starts and stops localdb projects for the dashboard's buttons. The CLI implements it (the server
 * never touches the registry or other processes itself); the dashboard calls it only for requests
 * that carry this server's control token.
 *
 * <p>The server never calls {@link #stop} for its own project: it answers the browser first and
 * then stops itself (see {@link LocalDbServer#runUntilSignalled}).
 */
public interface ProjectsControl {
    /**
     * Starts the project and returns once it serves, with a one-line message for the page.
     *
     * @throws ControlFailedException or a domain error, with a one-line message saying what to do
     */
    String start(String project);

    /** Stops the project, with a one-line message for the page. Same errors as {@link #start}. */
    String stop(String project);

    /** For servers that only show projects: every control request fails with a clear message. */
    static ProjectsControl none() {
        return new ProjectsControl() {
            @Override
            public String start(String project) {
                throw refused();
            }

            @Override
            public String stop(String project) {
                throw refused();
            }

            private ControlFailedException refused() {
                return new ControlFailedException("This server cannot start or stop projects: use 'localdb start' or 'localdb stop' in a terminal.");
            }
        };
    }
}
