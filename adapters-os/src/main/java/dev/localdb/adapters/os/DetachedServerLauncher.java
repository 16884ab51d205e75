package dev.localdb.adapters.os;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerLauncher;
import dev.localdb.domain.project.ServerEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts a project's server as a process that outlives the CLI: in a session of its own (see
 * {@link LaunchDetachment}), stdin from /dev/null, stdout and stderr appended to
 * {@code runtime/<project>.log} (kept under its cap by {@link LogRotation}), with the given environment plus {@code PORT}, one
 * {@code PORT_<NAME>} per named port, and {@code LOCALDB_PROJECT}. A project with a command runs {@code /bin/sh -c <command>} in its
 * working directory (by default the project's folder); one without runs the embedded server.
 *
 * <p>A server that exits before it could even be identified (a typo in its command, say) is
 * reported by an identity that is never alive: start time {@link #ENDED}, which no live process
 * has. Callers then see "not running" and show {@link #lastLogLines}, as for any server that dies.
 */
public final class DetachedServerLauncher implements ServerLauncher {
    /** The start time of the identity returned for a server that was gone before it was identified. */
    static final long ENDED = Long.MIN_VALUE;
    private static final int IDENTIFY_ATTEMPTS = 200;
    private static final long IDENTIFY_PAUSE_MILLIS = 5;
    private static final long LAUNCHER_EXIT_SECONDS = 10;
    /** 10 MiB, the default of {@code logs.maxBytes}. */
    public static final long DEFAULT_LOG_MAX_BYTES = 10L * 1024 * 1024;

    private final Path runtimeDir;
    private final Function<ProjectName, Path> projectFolder;
    private final Function<LaunchSpec, List<String>> embeddedServerCommand;
    private final Map<String, String> baseEnvironment;
    private final ProcessInspector inspector;
    private final LaunchDetachment detachment;
    private final LogRotation rotation;
    private final long logMaxBytes;

    /**
     * @param runtimeDir            where {@code <project>.log} goes (created 0700 if missing)
     * @param projectFolder         a project's own folder, its default working directory
     * @param embeddedServerCommand the command line of the embedded server for a project without a command
     * @param baseEnvironment       the server's environment before {@code PORT} and {@code LOCALDB_PROJECT}
     * @param inspector             identifies the started process
     */
    public DetachedServerLauncher(Path runtimeDir, Function<ProjectName, Path> projectFolder,
                                  Function<LaunchSpec, List<String>> embeddedServerCommand,
                                  Map<String, String> baseEnvironment, ProcessInspector inspector) {
        this(runtimeDir, projectFolder, embeddedServerCommand, baseEnvironment, inspector, DEFAULT_LOG_MAX_BYTES);
    }

    /** @param logMaxBytes the cap of each server log ({@code logs.maxBytes}); one rotated file is kept beside it */
    public DetachedServerLauncher(Path runtimeDir, Function<ProjectName, Path> projectFolder,
                                  Function<LaunchSpec, List<String>> embeddedServerCommand,
                                  Map<String, String> baseEnvironment, ProcessInspector inspector, long logMaxBytes) {
        this(runtimeDir, projectFolder, embeddedServerCommand, baseEnvironment, inspector, LaunchDetachment.forThisHost(),
                LogRotation.forThisHost(), logMaxBytes);
    }

    /** As above, detached and rotated the way {@code platform} can ({@link HostPlatform#detachment()}). */
    public DetachedServerLauncher(Path runtimeDir, Function<ProjectName, Path> projectFolder,
                                  Function<LaunchSpec, List<String>> embeddedServerCommand,
                                  Map<String, String> baseEnvironment, ProcessInspector inspector, long logMaxBytes,
                                  HostPlatform platform) {
        this(runtimeDir, projectFolder, embeddedServerCommand, baseEnvironment, inspector, platform.detachment(),
                platform.rotation(), logMaxBytes);
    }

    DetachedServerLauncher(Path runtimeDir, Function<ProjectName, Path> projectFolder,
                           Function<LaunchSpec, List<String>> embeddedServerCommand,
                           Map<String, String> baseEnvironment, ProcessInspector inspector, LaunchDetachment detachment) {
        this(runtimeDir, projectFolder, embeddedServerCommand, baseEnvironment, inspector, detachment,
                LogRotation.forThisHost(), DEFAULT_LOG_MAX_BYTES);
    }

    DetachedServerLauncher(Path runtimeDir, Function<ProjectName, Path> projectFolder,
                           Function<LaunchSpec, List<String>> embeddedServerCommand,
                           Map<String, String> baseEnvironment, ProcessInspector inspector, LaunchDetachment detachment,
                           LogRotation rotation, long logMaxBytes) {
        this.runtimeDir = Objects.requireNonNull(runtimeDir, "runtimeDir");
        this.projectFolder = Objects.requireNonNull(projectFolder, "projectFolder");
        this.embeddedServerCommand = Objects.requireNonNull(embeddedServerCommand, "embeddedServerCommand");
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.detachment = Objects.requireNonNull(detachment, "detachment");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        if (logMaxBytes < 1) {
            throw new IllegalArgumentException("logMaxBytes must be positive: " + logMaxBytes);
        }
        this.logMaxBytes = logMaxBytes;
    }

    @Override
    public ProcessIdentity launch(LaunchSpec spec) {
        ProjectName name = spec.project().name();
        Path workingDirectory = workingDirectory(spec);
        ServerLogFile log = logOf(name);
        ProcessBuilder builder = new ProcessBuilder(detachment.wrap(serverCommand(spec), rotation.arguments(log.path(), logMaxBytes)))
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(detachment.nullDevice()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.path().toFile()));
        redirectError(builder); // the launching shell prints the server's PID there, else the log
        Map<String, String> environment = builder.environment();
        environment.clear();
        // PORT, PORT_<NAME> for each named port, LOCALDB_PROJECT: ours, never those of whoever started us.
        environment.putAll(ServerEnvironment.of(baseEnvironment, spec.portEnvironment()));
        try {
            log.beginStart(name + " on port " + spec.port() + " at " + Instant.now());
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new StateUnusableException(oneLine("Cannot write the server log " + log.path() + ": " + reason
                    + "; check that the runtime folder is yours and that the log is a plain file."), e);
        }
        long pid;
        try {
            pid = pidOf(builder.start(), name);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot start project \"" + name + "\": " + oneLine(e.getMessage()) + ".");
        }
        return identify(pid, name);
    }

    /**
     * Starts one of localdb's own background programs (the name proxy) the way a server is
     * started: detached, its output in {@code runtime/<logName>.log} under the same cap, the
     * environment given to servers (without any project's PORT variables).
     *
     * @param logName a name without separators, e.g. {@code proxy}
     */
    public ProcessIdentity launchProgram(String logName, List<String> command, Path workingDirectory) {
        if (!logName.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("not a log name: " + logName);
        }
        ServerLogFile log = new ServerLogFile(runtimeDir.resolve(logName + ".log"), logMaxBytes);
        ProcessBuilder builder = new ProcessBuilder(detachment.wrap(command, rotation.arguments(log.path(), logMaxBytes)))
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(detachment.nullDevice()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.path().toFile()));
        redirectError(builder);
        builder.environment().clear();
        builder.environment().putAll(ServerEnvironment.of(baseEnvironment, Map.of()));
        try {
            log.beginStart(logName + " at " + Instant.now());
        } catch (IOException e) {
            throw new StateUnusableException(oneLine("Cannot write the log " + log.path() + ": " + e.getMessage()
                    + "; check that the runtime folder is yours."), e);
        }
        long pid;
        try {
            pid = pidOf(builder.start(), ProjectName.of(logName));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot start the " + logName + ": " + oneLine(e.getMessage()) + ".");
        }
        return identify(pid, ProjectName.of(logName));
    }

    /** The last lines of {@code runtime/<logName>.log} since its last start, to explain a failure. */
    public List<String> lastProgramLogLines(String logName, int count) {
        return new ServerLogFile(runtimeDir.resolve(logName + ".log"), logMaxBytes).lastLines(count);
    }

    private void redirectError(ProcessBuilder builder) {
        if (detachment.reportsPid()) {
            builder.redirectError(ProcessBuilder.Redirect.PIPE);
        } else {
            builder.redirectErrorStream(true);
        }
    }

    private long pidOf(Process started, ProjectName name) throws IOException {
        return detachment.reportsPid() ? backgroundPid(started, name) : started.pid();
    }

    private static List<String> withCommand(List<String> shell, String command) {
        List<String> line = new ArrayList<>(shell);
        line.add(command);
        return List.copyOf(line);
    }

    /**
     * Waits for the launching shell, which exits as soon as the server runs, then reads the PID it
     * printed. In that order on purpose: Java drains and closes a child's pipe when the child exits,
     * so only what the shell wrote before it exited is certain to be there (see LaunchDetachment).
     */
    private static long backgroundPid(Process shell, ProjectName name) throws IOException {
        boolean exited;
        try {
            exited = shell.waitFor(LAUNCHER_EXIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            shell.destroyForcibly();
            throw new InvalidInputException("Cannot start project \"" + name + "\": the launching shell did not finish within "
                    + LAUNCHER_EXIT_SECONDS + " s.");
        }
        String printed;
        try (InputStream err = shell.getErrorStream()) {
            printed = new String(err.readNBytes(4096), StandardCharsets.UTF_8).strip();
        }
        try {
            return Long.parseLong(printed.substring(printed.lastIndexOf('\n') + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Cannot start project \"" + name + "\": "
                    + (printed.isEmpty() ? "its server did not report its PID" : oneLine(printed)) + ".");
        }
    }

    @Override
    public List<String> lastLogLines(LaunchSpec spec, int count) {
        return logOf(spec.project().name()).lastLines(count);
    }

    private Path workingDirectory(LaunchSpec spec) {
        Optional<String> configured = spec.project().workingDirectory();
        Path directory = configured.map(Path::of).orElseGet(() -> projectFolder.apply(spec.project().name()));
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("Cannot start project \"" + spec.project().name() + "\": its working directory "
                    + directory + (Files.exists(directory) ? " is not a directory" : " does not exist") + (configured.isPresent()
                            ? "; create it, or give the project another --dir."
                            : "; its project folder is gone, so create the project again with 'localdb new'."));
        }
        return directory;
    }

    private List<String> serverCommand(LaunchSpec spec) {
        List<String> command = spec.project().command()
                .map(shellCommand -> withCommand(detachment.shell(), shellCommand))
                .orElseGet(() -> embeddedServerCommand.apply(spec));
        if (command.isEmpty()) {
            throw new IllegalStateException("The embedded server command is empty");
        }
        return command;
    }

    /** The /proc entry appears with the process, but give a loaded machine a moment. */
    private ProcessIdentity identify(long pid, ProjectName name) {
        for (int attempt = 0; attempt < IDENTIFY_ATTEMPTS; attempt++) {
            Optional<ProcessIdentity> identity = inspector.identify(pid);
            if (identity.isPresent()) {
                return identity.get();
            }
            if (hasEnded(pid)) {
                return new ProcessIdentity(pid, ENDED, inspector.current().bootId());
            }
            try {
                Thread.sleep(IDENTIFY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // A server we cannot identify could never be stopped safely, so it must not keep running.
        ProcessHandle.of(pid).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        throw new StateUnusableException("Started the server of project \"" + name + "\" (PID " + pid
                + ") but could not identify it, so it was stopped; check that /proc is readable and try again.");
    }

    /**
     * Gone, or a zombie: the server is not our child, so whoever adopted it collects it, and an
     * init that never collects leaves a zombie that will never serve either.
     */
    private static boolean hasEnded(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        try {
            return ProcStat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1))
                    .map(ProcStat::hasExited).orElse(false);
        } catch (IOException e) {
            return false; // no /proc here: ProcessHandle has answered
        }
    }

    private ServerLogFile logOf(ProjectName name) {
        // A ProjectName has no separators and no leading dot, so the log stays inside the runtime directory.
        return new ServerLogFile(runtimeDir.resolve(name.value() + ".log"), logMaxBytes);
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder();
        String source = text == null ? "the program could not be run" : text;
        source.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
