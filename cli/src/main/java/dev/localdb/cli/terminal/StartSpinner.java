package dev.localdb.cli.terminal;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.project.StartProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Shows {@code localdb start}'s progress on stderr: a spinner on a terminal, plain lines otherwise. */
public final class StartSpinner implements StartProgress {
    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private final PrintWriter err;
    private final boolean interactive;
    private final String project;
    private PortNumber port;
    private int frame;
    private boolean drawn;

    public StartSpinner(PrintWriter err, boolean interactive, String project) {
        this.err = err;
        this.interactive = interactive;
        this.project = project;
    }

    @Override
    public void launched(PortNumber port, ProcessIdentity server, int attempt) {
        this.port = port;
        if (!interactive) {
            err.println("Starting " + project + " on port " + port + " (PID " + server.pid() + ")...");
            err.flush();
        }
    }

    @Override
    public void waiting(Duration elapsed) {
        if (interactive) {
            char symbol = FRAMES.charAt(frame++ % FRAMES.length());
            err.print(String.format(Locale.ROOT, "\r%c Waiting for %s on port %s (%.1f s)", symbol, project, port,
                    elapsed.toMillis() / 1000.0));
            err.flush();
            drawn = true;
        }
    }

    @Override
    public void retrying(PortNumber taken, String why) {
        clear();
        err.println("Port " + taken + " was taken by another program (" + why + "); trying another port.");
        err.flush();
    }

    /** Removes the spinner line before the result is printed. */
    public void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
