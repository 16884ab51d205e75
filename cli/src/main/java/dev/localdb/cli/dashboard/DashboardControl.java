package dev.localdb.cli.dashboard;

import dev.localdb.cli.Main;
import dev.localdb.cli.SharedArchive;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.StopResultText;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectLifecycle;
import dev.localdb.domain.project.ProjectStatus;
import dev.localdb.domain.project.ServerEnvironment;
import dev.localdb.domain.project.StopResult;
import dev.localdb.server.ControlFailedException;
import dev.localdb.server.ProjectsControl;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's Start and Stop buttons, done as {@code localdb start} and {@code localdb stop}
 * do them. The embedded server that serves the page runs this; it never stops itself through here.
 */
public final class DashboardControl implements ProjectsControl {
    /** A hang guard: `start` itself gives up after its own --timeout (30 s) and two retries. */
    private static final long START_LIMIT_SECONDS = 180;
    private final Wiring wiring;

    public DashboardControl(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Runs {@code localdb start <project> --no-browser} as a process of its own. Launched from
     * here, the project's server would be a child of this server, and {@code localdb stop} of this
     * project stops its whole process tree; the separate `start` exits once the server is ready,
     * which leaves the server outside this one's tree, exactly as if started from a terminal.
     */
    @Override
    public String start(String project) {
        ProjectName name = ProjectName.of(project);
        if (wiring.catalog().find(name).isEmpty()) {
            throw new InvalidInputException("\"" + name + "\" is not a project (only a port is kept for it): create it with 'localdb new " + name + "'.");
        }
        // The registry's verified owner (PID + start time + boot id) says whether it runs, not the words another process prints.
        if (isRunning(name)) {
            return name + " is already running.";
        }
        runLocaldb("start", name.value(), "--no-browser");
        return "Started " + name + wiring.lifecycle().status(name).flatMap(s -> s.url()).map(url -> " on " + url).orElse("") + ".";
    }

    private boolean isRunning(ProjectName name) {
        return wiring.lifecycle().status(name).filter(status -> status.state() == ProjectStatus.State.RUNNING).isPresent();
    }

    @Override
    public String stop(String project) {
        StopResult result = wiring.lifecycle().stop(ProjectName.of(project), ProjectLifecycle.DEFAULT_STOP_GRACE);
        return switch (result.outcome()) {
            case STOPPED -> "Stopped " + project + ".";
            case KILLED -> "Stopped " + project + " (killed: it did not stop within " + ProjectLifecycle.DEFAULT_STOP_GRACE.toSeconds() + " s).";
            case NOT_RUNNING -> project + " was not running.";
            case CRASHED -> project + " had crashed; its port is released.";
            case LEFTOVERS_STOPPED -> "Stopped leftover processes of " + project + " (its wrapper was gone); its port is released.";
            case REFUSED, NOT_PERMITTED -> StopResultText.describe(result, ProjectLifecycle.DEFAULT_STOP_GRACE);
        };
    }

    private String runLocaldb(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto"));
        command.addAll(SharedArchive.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(ServerEnvironment.of(wiring.env(), Map.of())); // this server's ports are not the project's
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(START_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ControlFailedException("'localdb " + String.join(" ", args) + "' did not finish: try it in a terminal.");
            }
            if (process.exitValue() != 0) {
                throw new ControlFailedException(errorLine(output, args));
            }
            return output;
        } catch (IOException e) {
            throw new ControlFailedException("Could not run 'localdb " + String.join(" ", args) + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlFailedException("Interrupted while running 'localdb " + String.join(" ", args) + "'.");
        }
    }

    /** The "error: ..." line the command printed, which says what is wrong and what to do. */
    private static String errorLine(String output, String... args) {
        return output.lines().filter(line -> line.startsWith("error: ")).findFirst().map(line -> line.substring("error: ".length()))
                .orElse("'localdb " + String.join(" ", args) + "' failed: run it in a terminal to see why.");
    }
}
