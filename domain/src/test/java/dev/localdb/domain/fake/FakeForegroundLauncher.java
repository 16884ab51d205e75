package dev.localdb.domain.fake;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.PortVariables;
import dev.localdb.domain.port.ForegroundLauncher;
import dev.localdb.domain.port.ForegroundSession;
import dev.localdb.domain.project.ServerEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs pretend foreground commands: what a program does is scripted (by default it exits with 0),
 * each run is recorded with the environment it would get, and {@link #shutDown} plays the JVM
 * ending while a session is open, which runs the session's last step as the real shutdown hook does.
 */
public final class FakeForegroundLauncher implements ForegroundLauncher {
    /** One command that was started, and its whole environment. */
    public record Run(ForegroundCommand command, Map<String, String> environment) {
    }

    private final Map<String, String> inherited;
    private final Map<String, ForegroundExit.Reason> unstartable = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Runnable> whileRunning = new ConcurrentHashMap<>();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile Optional<Runnable> openStep = Optional.empty();

    /** @param inherited the caller's environment, as the real launcher is given it */
    public FakeForegroundLauncher(Map<String, String> inherited) {
        this.inherited = Map.copyOf(inherited);
    }

    public FakeForegroundLauncher exitsWith(String program, int status) {
        statuses.put(program, status);
        return this;
    }

    public FakeForegroundLauncher cannotStart(String program, ForegroundExit.Reason reason) {
        unstartable.put(program, reason);
        return this;
    }

    /** While the program runs, {@code action} happens (before it exits). */
    public FakeForegroundLauncher whileRunning(String program, Runnable action) {
        whileRunning.put(program, action);
        return this;
    }

    /** The JVM ends now: an open session's command is ended (here: it was not real) and its last step runs. */
    public void shutDown() {
        events.add("shutdown");
        openStep.ifPresent(Runnable::run);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** "open", "start", "exit", "shutdown" and "close", in the order they happened. */
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public ForegroundSession open(Runnable afterTheCommand) {
        events.add("open");
        openStep = Optional.of(afterTheCommand);
        return new ForegroundSession() {
            @Override
            public ForegroundExit runToEnd(ForegroundCommand command, Allocation ports) {
                ForegroundExit.Reason reason = unstartable.get(command.program());
                if (reason != null) {
                    return new ForegroundExit.NotStarted(command.program(), reason);
                }
                events.add("start");
                runs.add(new Run(command, ServerEnvironment.of(inherited, PortVariables.of(ports))));
                whileRunning.getOrDefault(command.program(), () -> { }).run();
                events.add("exit");
                return new ForegroundExit.Exited(statuses.getOrDefault(command.program(), 0));
            }

            @Override
            public void close() {
                events.add("close");
                openStep = Optional.empty();
            }
        };
    }
}
