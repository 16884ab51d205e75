package dev.localdb.server;

import dev.localdb.domain.model.ProjectName;
import java.nio.file.Path;
import java.util.List;

/** A stand-in for {@code localdb serve}: runs the server in its own JVM until signalled. */
public final class ServeForTests {
    private ServeForTests() {
    }

    /** Arguments: data directory, server.json path. The port is chosen by the system. */
    public static void main(String[] args) {
        ServerConfig config = ServerConfig.onLoopback(ProjectName.of("child"), 0, Path.of(args[0]), Path.of(args[1]),
                ProjectsOverview.fixed(List.of(new ProjectSummary("child", ProjectState.RUNNING, null, null))));
        LocalDbServer.runUntilSignalled(config);
    }
}
