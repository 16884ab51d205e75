package dev.localdb.adapters.os;

import dev.localdb.domain.contract.ServerLauncherContract;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher against real shell commands; every server it starts is killed afterwards. */
class DetachedServerLauncherContractTest extends ServerLauncherContract {
    private final ProcessInspector inspector = new ProcFsProcessInspector();
    private final ServerTestProcesses processes = new ServerTestProcesses(inspector);

    @TempDir
    Path home;

    @Override
    protected ServerLauncher newLauncher() {
        ServerLauncher real = new DetachedServerLauncher(home.resolve("runtime"), name -> home.resolve("projects").resolve(name.value()),
                spec -> List.of("/bin/false"), Map.of("PATH", System.getenv("PATH")), inspector, detachment());
        return new ServerLauncher() {
            @Override
            public ProcessIdentity launch(LaunchSpec spec) {
                return processes.track(real.launch(spec));
            }

            @Override
            public List<String> lastLogLines(LaunchSpec spec, int count) {
                return real.lastLogLines(spec, count);
            }
        };
    }

    /** How servers are cut loose; the per-platform subclasses below give theirs. */
    protected LaunchDetachment detachment() {
        return LaunchDetachment.forThisHost();
    }

    @Override
    protected LaunchSpec keepsRunning(ProjectName name, PortNumber port) throws Exception {
        return spec(name, port, "exec sleep 60");
    }

    @Override
    protected LaunchSpec exitsAtOnceSaying(ProjectName name, PortNumber port, String line) throws Exception {
        return spec(name, port, "echo '" + line + "'; exit 3");
    }

    @Override
    protected boolean isRunning(ProcessIdentity process) {
        return inspector.isAlive(process);
    }

    @AfterEach
    void endServers() {
        processes.close();
    }

    private LaunchSpec spec(ProjectName name, PortNumber port, String command) throws Exception {
        Files.createDirectories(home.resolve("projects").resolve(name.value()));
        return new LaunchSpec(new ProjectConfig(name, Optional.empty(), Optional.of(command), Optional.empty(),
                Instant.parse("2025-01-01T00:00:00Z")), port);
    }
}
