package dev.localdb.adapters.os;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.PortVariables;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ForegroundLauncher;
import dev.localdb.domain.port.ForegroundSession;
import dev.localdb.domain.project.ServerEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs {@code localdb run}'s command as a child of this JVM that inherits its stdin, stdout and
 * stderr. Ctrl-C reaches the command directly because it shares the terminal's process group;
 * SIGTERM, SIGHUP and a SIGINT from elsewhere are passed on to it ({@link SignalForwarding}). A
 * shutdown hook keeps the promise of {@link #open}: the port is never handed out while the command
 * still serves on it.
 */
public final class ChildProcessForegroundLauncher implements ForegroundLauncher {
    private static final List<String> POSIX_SHELL = List.of("/bin/sh", "-c");
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final Map<String, String> baseEnvironment;
    private final Function<ProjectName, Path> projectFolder;
    private final List<String> shell;

    /**
     * @param baseEnvironment the caller's environment, which the command inherits without any project identity
     * @param projectFolder   a project's own folder, where its own command runs unless it has a working directory
     */
    public ChildProcessForegroundLauncher(Map<String, String> baseEnvironment, Function<ProjectName, Path> projectFolder) {
        this(baseEnvironment, projectFolder, POSIX_SHELL);
    }

    /**
     * @param shell what runs a project's own command, the command following as its last argument:
     *              {@code /bin/sh -c}, or the platform's ({@link HostPlatform#shell()}: cmd.exe on Windows)
     */
    public ChildProcessForegroundLauncher(Map<String, String> baseEnvironment, Function<ProjectName, Path> projectFolder,
                                          List<String> shell) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        this.projectFolder = Objects.requireNonNull(projectFolder, "projectFolder");
        this.shell = List.copyOf(shell);
    }

    @Override
    public ForegroundSession open(Runnable afterTheCommand) {
        return new ChildSession(afterTheCommand);
    }

    private final class ChildSession implements ForegroundSession {
        private final AtomicReference<Process> started = new AtomicReference<>();
        private final Thread endThenRelease;

        ChildSession(Runnable afterTheCommand) {
            endThenRelease = new Thread(() -> {
                end(started.get());
                afterTheCommand.run();
            }, "localdb-release");
            Runtime.getRuntime().addShutdownHook(endThenRelease);
        }

        @Override
        public ForegroundExit runToEnd(ForegroundCommand command, Allocation ports) throws InterruptedException {
            Process child;
            try {
                child = builder(command, ports).start();
            } catch (IOException e) {
                return notStarted(command, e);
            }
            started.set(child);
            try (SignalForwarding forwarding = SignalForwarding.to(child)) {
                return new ForegroundExit.Exited(child.waitFor());
            }
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(endThenRelease);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and releases the port
            }
        }
    }

    private ProcessBuilder builder(ForegroundCommand command, Allocation ports) {
        ProcessBuilder builder = new ProcessBuilder(words(command)).inheritIO();
        command.project().ifPresent(project -> builder.directory(
                project.workingDirectory().map(Path::of).orElseGet(() -> projectFolder.apply(project.name())).toFile()));
        builder.environment().clear();
        builder.environment().putAll(ServerEnvironment.of(baseEnvironment, PortVariables.of(ports)));
        return builder;
    }

    /** A project's own command under this host's shell; a command given after {@code --} as it is. */
    private List<String> words(ForegroundCommand command) {
        Optional<String> own = command.project().flatMap(ProjectConfig::command);
        if (own.isEmpty()) {
            return command.words();
        }
        List<String> words = new ArrayList<>(shell);
        words.add(own.get());
        return words;
    }

    /** The JDK's message carries the errno: "error=2, No such file or directory". */
    private static ForegroundExit notStarted(ForegroundCommand command, IOException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("error=2,")) {
            return new ForegroundExit.NotStarted(command.program(), ForegroundExit.Reason.NOT_FOUND);
        }
        if (reason.contains("error=13,")) {
            return new ForegroundExit.NotStarted(command.program(), ForegroundExit.Reason.NOT_EXECUTABLE);
        }
        throw new InvalidInputException("Cannot run " + Printable.of(command.program()) + ": " + reason + ".");
    }

    /**
     * When the JVM shuts down anyway (a signal it was not asked to pass on), the command is ended
     * first, so that its port is released only once it has gone.
     */
    private static void end(Process child) {
        if (child == null || !child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
