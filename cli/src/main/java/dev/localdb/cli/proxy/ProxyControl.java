package dev.localdb.cli.proxy;

import dev.localdb.adapters.os.DetachedServerLauncher;
import dev.localdb.adapters.storage.ProxyFiles.ProxyState;
import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.domain.error.ServerStartFailedException;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts, stops and describes the name proxy, one per home, as a detached {@code localdb proxy
 * serve}. What it trusts: {@code runtime/proxy.json} names a process, and only while that very
 * process (PID, start time, boot) runs is the proxy "running"; stop signals that process only.
 */
public final class ProxyControl {
    private static final Duration READY_PATIENCE = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final ProxyFiles files;
    private final Configuration.Proxy settings;
    private final ProcessInspector inspector;
    private final ServerControl control;
    private final DetachedServerLauncher launcher;
    private final List<String> serveCommand;
    private final Path workingDirectory;

    public ProxyControl(ProxyFiles files, Configuration.Proxy settings, ProcessInspector inspector, ServerControl control,
                        DetachedServerLauncher launcher, List<String> serveCommand, Path workingDirectory) {
        this.files = files;
        this.settings = settings;
        this.inspector = inspector;
        this.control = control;
        this.launcher = launcher;
        this.serveCommand = List.copyOf(serveCommand);
        this.workingDirectory = workingDirectory;
    }

    /** The proxy as it runs, or as it would run: the configured ports when it is down. */
    public record Status(Optional<ProcessIdentity> process, int httpPort, int httpsPort, Optional<Path> caCertificate) {
        public boolean running() {
            return process.isPresent();
        }

        /** The CA's file as an absolute path, as the commands print it (they do not handle files). */
        public Optional<String> caCertificatePath() {
            return caCertificate.map(file -> file.toAbsolutePath().toString());
        }
    }

    public Status status() {
        Optional<ProxyState> state = files.readState().filter(s -> inspector.isAlive(s.process()));
        return state.map(s -> new Status(Optional.of(s.process()), s.httpPort(), s.httpsPort(), s.caCertificate()))
                .orElseGet(() -> new Status(Optional.empty(), settings.httpPort(), settings.httpsPort(), Optional.empty()));
    }

    /**
     * Starts it unless it runs; returns once it listens (its state file names it), or says why it
     * could not. Under the start lock: many starts at once make one proxy.
     */
    public Status start() {
        Status now = status();
        return now.running() ? now : files.whileStarting(this::startUnlessRunning);
    }

    private Status startUnlessRunning() {
        Status now = status();
        if (now.running()) {
            return now;
        }
        ProcessIdentity started = launcher.launchProgram("proxy", serveCommand, workingDirectory);
        long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<ProxyState> state = files.readState();
            if (state.isPresent() && state.get().process().equals(started)) {
                return status();
            }
            if (!inspector.isAlive(started)) {
                throw failed(ServerStartFailedException.Reason.EXITED, "it exited");
            }
            pause();
        }
        control.terminate(started, STOP_GRACE);
        throw failed(ServerStartFailedException.Reason.TIMED_OUT, "it did not listen within " + READY_PATIENCE.toSeconds() + " s, so it was stopped");
    }

    /** @return the process that was stopped, or empty when none ran */
    public Optional<ProcessIdentity> stop() {
        Status now = status();
        if (now.process().isEmpty()) {
            return Optional.empty();
        }
        ProcessIdentity process = now.process().get();
        ServerControl.Termination result = control.terminate(process, STOP_GRACE);
        if (result == ServerControl.Termination.REFUSED || result == ServerControl.Termination.NOT_PERMITTED) {
            throw new dev.localdb.domain.error.StateUnusableException("Could not stop the proxy (PID " + process.pid()
                    + "): it is not a process localdb may signal; stop it yourself and remove " + files.stateFile() + ".");
        }
        files.deleteState(process);
        return Optional.of(process);
    }

    private ServerStartFailedException failed(ServerStartFailedException.Reason reason, String why) {
        List<String> lines = launcher.lastProgramLogLines("proxy", 5);
        String last = lines.stream().filter(l -> l.startsWith("error: ")).reduce((a, b) -> b)
                .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        return new ServerStartFailedException(reason, "The proxy did not start: " + why + (last.isEmpty() ? "" : " (" + last + ")")
                + "; see " + workingDirectory.resolve("runtime/proxy.log") + ".", lines);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
