package dev.localdb.cli;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.server.LocalDbServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the embedded LocalDB server for a project: this same program ({@code localdb serve})
 * in a JVM sized by the server module for a small idle server (under 64 MiB resident).
 */
final class EmbeddedServerCommand {
    private EmbeddedServerCommand() {
    }

    static List<String> of(LaunchSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LocalDbServer.RECOMMENDED_JVM_OPTIONS);
        command.addAll(SharedArchive.jvmOptions());
        command.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", spec.project().name().value()));
        return command;
    }
}
