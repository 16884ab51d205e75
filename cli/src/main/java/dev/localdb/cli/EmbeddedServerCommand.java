package dev.localdb.cli;

import dev.localdb.domain.project.LaunchSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run the embedded LocalDB server for a project: this same program ({@code localdb serve}),
 * in a JVM sized for a small idle server (serial GC, small heap and stacks).
 */
final class EmbeddedServerCommand {
    private EmbeddedServerCommand() {
    }

    static List<String> of(LaunchSpec spec) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms8m", "-Xmx48m", "-Xss512k",
                "-XX:MaxMetaspaceSize=48m", "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", spec.project().name().value());
    }
}
