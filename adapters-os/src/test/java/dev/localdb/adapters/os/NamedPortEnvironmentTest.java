package dev.localdb.adapters.os;

import static dev.localdb.adapters.os.ServerTestProcesses.await;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server process finds each named port in PORT_<NAME>, next to PORT. */
class NamedPortEnvironmentTest {
    private final ProcFsProcessInspector inspector = new ProcFsProcessInspector();
    private final ServerTestProcesses processes = new ServerTestProcesses(inspector);

    @TempDir
    Path home;

    @AfterEach
    void endServers() {
        processes.close();
    }

    @Test
    void eachNamedPortIsInItsOwnVariableAndWinsOverAnInheritedOne() throws Exception {
        Path folder = Files.createDirectories(home.resolve("projects/web"));
        // The user's shell happened to export PORT_API: the project's own port must win.
        DetachedServerLauncher launcher = new DetachedServerLauncher(home.resolve("runtime"), name -> folder, spec -> List.of(),
                Map.of("PATH", System.getenv("PATH"), "PORT_API", "1"), inspector);
        ProjectConfig web = new ProjectConfig(ProjectName.of("web"), Optional.empty(),
                Optional.of("echo \"main=$PORT api=$PORT_API tools=$PORT_DEV_TOOLS\"; exec sleep 60"), Optional.empty(), Instant.EPOCH,
                List.of(PortName.of("api"), PortName.of("dev-tools")));
        LaunchSpec spec = new LaunchSpec(web, PortNumber.of(41_301),
                Map.of(PortName.of("api"), PortNumber.of(41_302), PortName.of("dev-tools"), PortNumber.of(41_303)));

        processes.track(launcher.launch(spec));

        await(() -> launcher.lastLogLines(spec, 10).contains("main=41301 api=41302 tools=41303"),
                "the server prints its three ports");
    }
}
