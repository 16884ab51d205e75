package dev.localdb.testsuite.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last line of defence after a test: kills every process a test's localdb home still has,
 * whatever state the test left it in. A process is killed only when its environment names this
 * home, so a recorded PID that the system has since given to another program is never touched.
 */
public final class LeftoverProcesses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LeftoverProcesses() {
    }

    /** Kills them (with their children) and returns what was killed, e.g. for a warning. */
    public static List<String> killAll(Path home) throws InterruptedException {
        Set<ProcessHandle> targets = new LinkedHashSet<>();
        for (long pid : recordedPids(home)) {
            if (Processes.belongsToHome(pid, home)) {
                ProcessHandle.of(pid).ifPresent(targets::add);
            }
        }
        targets.addAll(Processes.ofHome(home));
        List<ProcessHandle> withChildren = new ArrayList<>();
        for (ProcessHandle process : targets) {
            withChildren.add(process);
            process.descendants().forEach(withChildren::add);
        }
        List<String> killed = withChildren.stream().distinct().map(Processes::describe).toList();
        withChildren.forEach(ProcessHandle::destroyForcibly);
        Poll.until("killed processes of " + home + " to end: " + killed, Duration.ofSeconds(10),
                () -> withChildren.stream().noneMatch(p -> Processes.isRunning(p.pid())));
        return killed;
    }

    /** The owners in the registry and the PIDs in every project's server.json; unreadable files give none. */
    public static List<Long> recordedPids(Path home) {
        List<Long> pids = new ArrayList<>();
        try {
            for (JsonNode allocation : RegistryFile.allocations(home)) {
                JsonNode pid = allocation.path("owner").path("pid");
                if (pid.canConvertToLong()) {
                    pids.add(pid.asLong());
                }
            }
        } catch (IOException | RuntimeException noRegistry) {
            // nothing recorded there
        }
        Path projects = home.resolve("projects");
        if (Files.isDirectory(projects)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(projects)) {
                for (Path folder : folders) {
                    serverJsonPid(folder.resolve("server.json"), pids);
                }
            } catch (IOException unreadable) {
                // nothing recorded there
            }
        }
        return pids;
    }

    private static void serverJsonPid(Path file, List<Long> pids) {
        try {
            JsonNode pid = JSON.readTree(file.toFile()).path("pid");
            if (pid.canConvertToLong()) {
                pids.add(pid.asLong());
            }
        } catch (IOException | RuntimeException missingOrDamaged) {
            // no server recorded
        }
    }
}
