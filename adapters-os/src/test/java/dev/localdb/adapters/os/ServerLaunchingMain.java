package dev.localdb.adapters.os;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A short-lived launcher process, like one {@code localdb start}: launches {@code exec sleep 60}
 * for a project, prints the identity ("pid startTime bootId") and exits.
 * Arguments: the runtime directory and the working directory.
 */
public final class ServerLaunchingMain {
    private ServerLaunchingMain() {
    }

    public static void main(String[] args) {
        DetachedServerLauncher launcher = new DetachedServerLauncher(Path.of(args[0]), name -> Path.of(args[1]),
                spec -> List.of("/bin/false"), Map.of("PATH", System.getenv("PATH")), new ProcFsProcessInspector());
        ProcessIdentity server = launcher.launch(new LaunchSpec(new ProjectConfig(ProjectName.of("survivor"), Optional.empty(),
                Optional.of("exec sleep 60"), Optional.empty(), Instant.EPOCH), PortNumber.of(41_000)));
        System.out.println(server.pid() + " " + server.startTime() + " " + server.bootId());
        System.exit(0);
    }
}
