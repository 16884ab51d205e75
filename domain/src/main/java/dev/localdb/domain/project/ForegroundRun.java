package dev.localdb.domain.project;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ForegroundLauncher;
import dev.localdb.domain.port.ForegroundSession;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ProjectCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The application service behind {@code localdb run}: this process holds the project's ports (it
 * is their owner in the registry) while its command runs in the foreground with them in
 * {@code PORT} and {@code PORT_<NAME>}, and releases them when the command has ended, and only
 * then, however this process is made to end ({@link ForegroundLauncher#open}).
 */
public final class ForegroundRun {
    private final ProjectLifecycle lifecycle;
    private final ProjectCatalog catalog;
    private final ProcessInspector inspector;
    private final ForegroundLauncher launcher;

    public ForegroundRun(ProjectLifecycle lifecycle, ProjectCatalog catalog, ProcessInspector inspector, ForegroundLauncher launcher) {
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.inspector = inspector;
        this.launcher = launcher;
    }

    /**
     * Reserves the project's ports for this process, runs the command and waits for it, then
     * releases the ports.
     *
     * @param given    the command given after {@code --}; empty for the project's own
     * @param starting told the ports just before the command starts
     * @throws InvalidInputException when no command is given and the project has none of its own,
     *                               or the command cannot be started
     * @throws dev.localdb.domain.error.ProjectInUseException when another process serves the project
     */
    public ForegroundExit run(ProjectName name, List<String> given, Consumer<Allocation> starting) throws InterruptedException {
        ForegroundCommand command = given.isEmpty() ? ownCommand(name) : ForegroundCommand.given(given);
        Allocation ports = lifecycle.allocateForeground(name, Optional.empty()).allocation();
        ProcessIdentity self = inspector.current();
        Runnable release = () -> lifecycle.finishForeground(name, self);
        try (ForegroundSession session = launcher.open(release)) {
            starting.accept(ports);
            ForegroundExit exit;
            try {
                exit = session.runToEnd(command, ports);
            } catch (InvalidInputException notStarted) {
                release.run();
                throw notStarted;
            }
            // Released before the session closes: a signal in between still finds its promise kept.
            release.run();
            return exit;
        }
    }

    /** No command given: the project's own, where it runs (issue #14, item 8). */
    private ForegroundCommand ownCommand(ProjectName name) {
        ProjectConfig config = catalog.find(name).orElseThrow(() -> new InvalidInputException(
                "Give the command to run after --, e.g. 'localdb run " + name + " -- npm run dev'."));
        if (config.command().isEmpty()) {
            throw new InvalidInputException("Project " + name
                    + " runs the embedded LocalDB server: use 'localdb start " + name + "', or give a command after --.");
        }
        return ForegroundCommand.ownOf(config);
    }
}
