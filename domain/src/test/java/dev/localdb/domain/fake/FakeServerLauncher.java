package dev.localdb.domain.fake;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Launches pretend servers: each launch starts a process in the {@link FakeProcessInspector} and
 * is recorded. What the server then does is scripted per project; by default it becomes ready
 * (accepts connections on its port through the {@link FakeServerControl}) at once.
 */
public final class FakeServerLauncher implements ServerLauncher {
    /** What a project's server does once launched. */
    public enum Behaviour {
        /** Runs and accepts connections on its port. */
        BECOMES_READY,
        /** Runs but never accepts connections. */
        NEVER_READY,
        /** Ends before it can be reached, leaving its scripted log lines. */
        EXITS_AT_ONCE
    }

    private final FakeProcessInspector processes;
    private final FakeServerControl control;
    private final Map<ProjectName, Behaviour> scripts = new ConcurrentHashMap<>();
    private final Map<ProjectName, List<String>> scriptedOutput = new ConcurrentHashMap<>();
    private final Map<ProjectName, List<String>> logs = new ConcurrentHashMap<>();
    private final List<LaunchSpec> launches = new CopyOnWriteArrayList<>();
    private final List<ProcessIdentity> started = new CopyOnWriteArrayList<>();

    public FakeServerLauncher(FakeProcessInspector processes, FakeServerControl control) {
        this.processes = processes;
        this.control = control;
    }

    public FakeServerLauncher becomesReady(ProjectName project) {
        return script(project, Behaviour.BECOMES_READY);
    }

    public FakeServerLauncher neverReady(ProjectName project) {
        return script(project, Behaviour.NEVER_READY);
    }

    /** The server prints these lines and exits. */
    public FakeServerLauncher exitsAtOnce(ProjectName project, String... output) {
        scriptedOutput.put(project, List.of(output));
        return script(project, Behaviour.EXITS_AT_ONCE);
    }

    public FakeServerLauncher script(ProjectName project, Behaviour behaviour) {
        scripts.put(project, behaviour);
        return this;
    }

    @Override
    public ProcessIdentity launch(LaunchSpec spec) {
        ProjectName name = spec.project().name();
        launches.add(spec);
        ProcessIdentity process = processes.start();
        started.add(process);
        logs.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                .addAll(scriptedOutput.getOrDefault(name, List.of()));
        switch (scripts.getOrDefault(name, Behaviour.BECOMES_READY)) {
            case BECOMES_READY -> control.serve(process, spec.port());
            case NEVER_READY -> { }
            case EXITS_AT_ONCE -> processes.kill(process);
        }
        return process;
    }

    @Override
    public List<String> lastLogLines(LaunchSpec spec, int count) {
        List<String> log = new ArrayList<>(logs.getOrDefault(spec.project().name(), List.of()));
        return List.copyOf(log.subList(Math.max(0, log.size() - count), log.size()));
    }

    /** Every launch, in order. */
    public List<LaunchSpec> launches() {
        return List.copyOf(launches);
    }

    /** The processes the launches started, in order. */
    public List<ProcessIdentity> started() {
        return List.copyOf(started);
    }
}
