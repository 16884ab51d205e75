package dev.localdb.cli;

import dev.localdb.adapters.storage.LocalDbHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run once by the build (see cli/pom.xml) under {@code -XX:ArchiveClassesAtExit}: it runs the
 * everyday commands so that the JVM records the classes they load in a class-data-sharing
 * archive, which {@code bin/localdb} then maps instead of loading and verifying those classes
 * again on every start. It works in a temporary LOCALDB_HOME, never the user's, and prints nothing.
 */
public final class CdsTraining {
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"port", "cds-training"},
            new String[] {"port", "cds-training"},
            new String[] {"ports"},
            new String[] {"ports", "--json"},
            new String[] {"release", "cds-training"},
            // start, status and stop read projects; training them (without starting a server) archives that path too.
            new String[] {"new", "cds-project", "--port-name", "api"},
            new String[] {"status"},
            new String[] {"status", "--json"},
            new String[] {"stop", "cds-project"},
            new String[] {"config"},
            new String[] {"port", "Not A Valid Name"},
            new String[] {"--version"});

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("localdb-cds-training-");
        try {
            Map<String, String> env = Map.of(LocalDbHome.ENV, home.toString());
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            for (String[] command : COMMANDS) {
                LocalDbCli.run(command, env, home.toString(), quiet, quiet);
            }
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
