package dev.localdb.cli.terminal;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.StartProgress;
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
    private ProcessIdentity server;
    private int frame;
    private boolean drawn;
    private boolean interrupted;

    public StartSpinner(PrintWriter err, boolean interactive, String project) {
        this.err = err;
        this.interactive = interactive;
        this.project = project;
    }

    @Override
    public synchronized void launched(PortNumber port, ProcessIdentity server, int attempt) {
        this.port = port;
        this.server = server;
        if (!interactive && !interrupted) {
            err.println("Starting " + project + " on port " + port + " (PID " + server.pid() + ")...");
            err.flush();
        }
    }

    @Override
    public synchronized void waiting(Duration elapsed) {
        if (interactive && !interrupted) {
            char symbol = FRAMES.charAt(frame++ % FRAMES.length());
            err.print(String.format(Locale.ROOT, "\r%c Waiting for %s on port %s (%.1f s)", symbol, project, port,
                    elapsed.toMillis() / 1000.0));
            err.flush();
            drawn = true;
        }
    }

    @Override
    public synchronized void retrying(PortNumber taken, String why) {
        if (interrupted) {
            return;
        }
        clear();
        err.println("Port " + taken + " was taken by another program (" + why + "); trying another port.");
        err.flush();
    }

    /**
     * Ctrl-C (or another signal that ends the JVM) while {@code start} waits: the server was
     * launched detached, in a session of its own, so it keeps starting; the user is told so and
     * how to stop it, on a line of its own instead of an open spinner line.
     */
    public synchronized void interrupted() {
        clear();
        interrupted = true;
        String stop = "'localdb status " + project + "' shows it, 'localdb stop " + project + "' stops it.";
        if (server == null) {
            err.println("Interrupted: if " + project + "'s server was launched, it keeps starting in the background; " + stop);
        } else {
            err.println("Interrupted: " + project + " keeps starting in the background on port " + port + " (PID " + server.pid()
                    + "); " + stop);
        }
        err.flush();
    }

    /** Removes the spinner line before the result is printed. */
    public synchronized void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
