package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.NamedPortsText;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectLifecycle;
import dev.localdb.domain.project.ServerEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Foreground mode: this process holds the project's port (and its named ports, in PORT_<NAME>)
 * while the command runs with PORT set,
 * and releases it when the command ends, and only then: Ctrl-C reaches the command directly
 * because it shares the terminal's process group; SIGTERM, SIGHUP and a SIGINT from elsewhere
 * are passed on to it ({@link SignalForwarding}) and localdb waits for it to go.
 */
@Command(name = "run", description = "Run a command in the foreground with the project's port in PORT; release the port when it exits.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project>", description = "Project name.")
    String project;

    @Parameters(index = "1..*", paramLabel = "<command>", description = "The command and its arguments (put them after --);"
            + " default: the project's own --command, in its --dir. For $PORT in the command use sh -c '... $PORT'.")
    List<String> command;

    RunCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        ProjectName name = ProjectName.of(project);
        Optional<Path> directory = Optional.empty();
        if (command == null || command.isEmpty()) {
            // No command: the project's own, where it runs (issue #14, item 8).
            ProjectConfig config = wiring.catalog().find(name).orElseThrow(() -> new InvalidInputException(
                    "Give the command to run after --, e.g. 'localdb run " + name + " -- npm run dev'."));
            String own = config.command().orElseThrow(() -> new InvalidInputException("Project " + name
                    + " runs the embedded LocalDB server: use 'localdb start " + name + "', or give a command after --."));
            command = List.of("/bin/sh", "-c", own);
            directory = Optional.of(config.workingDirectory().map(Path::of).orElse(wiring.home().project(name)));
        } else {
            refuseAnExpandedPort(name);
        }
        ProjectLifecycle lifecycle = wiring.lifecycle();
        Allocation ports = lifecycle.allocateForeground(name, Optional.empty()).allocation();
        ProcessIdentity self = wiring.inspector().current();
        AtomicReference<Process> started = new AtomicReference<>();
        Thread releaseOnExit = new Thread(() -> endThenRelease(started.get(), lifecycle, name, self), "localdb-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
        try {
            // The first line says which port, on stderr so that stdout stays the command's own.
            spec.commandLine().getErr().println("Running " + name + " on " + NamedPortsText.phrase(ports.port(), ports.namedPorts())
                    + " (in $PORT); released when the command exits.");
            spec.commandLine().getErr().flush();
            Process child;
            try {
                child = start(name, ports, directory);
            } catch (NotRunnable e) {
                spec.commandLine().getErr().println("error: " + Printable.of(command.get(0)) + ": " + e.getMessage());
                return e.exitCode;
            }
            started.set(child);
            int code;
            try (SignalForwarding forwarding = SignalForwarding.to(child)) {
                code = child.waitFor();
            }
            lifecycle.finishForeground(name, self);
            return code;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(releaseOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and releases the port
            }
        }
    }

    /**
     * When the JVM shuts down anyway (a signal it was not asked to forward), the port is released
     * only after the command has gone, so that it is never handed out while the command serves on it.
     */
    private static void endThenRelease(Process child, ProjectLifecycle lifecycle, ProjectName name, ProcessIdentity self) {
        if (child != null && child.isAlive()) {
            child.destroy();
            try {
                if (!child.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lifecycle.finishForeground(name, self);
    }

    /**
     * {@code localdb run web -- npx vite --port $PORT}: the user's shell expands {@code $PORT}
     * (unset there) before localdb sets it, so the command gets {@code --port} with no value.
     */
    private void refuseAnExpandedPort(ProjectName name) {
        for (int i = 1; i < command.size(); i++) {
            String word = command.get(i);
            boolean noValue = (word.equals("--port") || word.equals("-p"))
                    && (i + 1 == command.size() || command.get(i + 1).isEmpty() || command.get(i + 1).startsWith("-"));
            if (noValue || word.equals("--port=")) {
                List<String> fixed = new ArrayList<>(command);
                if (noValue) {
                    fixed.add(i + 1, "$PORT");
                } else {
                    fixed.set(i, "--port=$PORT");
                }
                throw new InvalidInputException(word.replace("=", "") + " has no value: your shell replaced $PORT before localdb set it."
                        + " Give the command a shell of its own, in single quotes: localdb run " + name + " -- sh -c '"
                        + Printable.of(String.join(" ", fixed)) + "'");
            }
        }
    }

    private Process start(ProjectName name, Allocation ports, Optional<Path> directory) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        directory.ifPresent(d -> builder.directory(d.toFile()));
        Map<String, String> own = new TreeMap<>();
        own.put("PORT", ports.port().toString());
        ports.namedPorts().forEach((portName, port) -> own.put(portName.environmentVariable(), port.toString()));
        own.put("LOCALDB_PROJECT", name.value());
        builder.environment().clear();
        builder.environment().putAll(ServerEnvironment.of(wiring.env(), own));
        try {
            return builder.start();
        } catch (IOException e) {
            wiring.lifecycle().finishForeground(name, wiring.inspector().current());
            // The JDK's message carries the errno: "error=2, No such file or directory".
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("error=2,")) {
                throw new NotRunnable(ExitCode.COMMAND_NOT_FOUND, "command not found");
            }
            if (reason.contains("error=13,")) {
                throw new NotRunnable(ExitCode.COMMAND_NOT_EXECUTABLE, "permission denied (not an executable file)");
            }
            throw new InvalidInputException("Cannot run " + Printable.of(command.get(0)) + ": " + reason + ".");
        }
    }

    /** The command cannot be started: exit as a shell would (127 not found, 126 not executable). */
    private static final class NotRunnable extends RuntimeException {
        private final int exitCode;

        NotRunnable(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
