package dev.localdb.testsuite.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/localdb} launcher (the packaged CLI) as a separate process with a
 * temporary {@code LOCALDB_HOME}. Every process it starts is ended even when a test fails.
 */
public final class LocalDbRunner {
    // A hang guard, not a speed check: 50 JVMs at once on a loaded 2-core machine can take minutes.
    private static final long TIMEOUT_SECONDS = 600;
    private final Path home;
    private final Path launcher;
    private final Map<String, String> extraEnv = new HashMap<>();

    public LocalDbRunner(Path home) {
        this(home, launcher());
    }

    /** Runs another launcher than the checkout's, e.g. an unpacked distribution's {@code bin/localdb}. */
    public LocalDbRunner(Path home, Path launcher) {
        this.home = home;
        this.launcher = launcher;
    }

    public static Path repository() {
        return Path.of(System.getProperty("localdb.repo", "..")).toAbsolutePath().normalize();
    }

    public static Path launcher() {
        return repository().resolve("bin/localdb");
    }

    public Path home() {
        return home;
    }

    public LocalDbRunner env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Starts {@code bin/localdb args...} (or this runner's launcher) without waiting; stdout and stderr go to files. */
    public Started start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LOCALDB_HOME", home.toString());
        builder.environment().put("LOCALDB_PROXY", "off"); // tests that want the name proxy turn it on
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile("localdb-out", ".txt");
        Path err = Files.createTempFile("localdb-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Started(builder.start(), out, err);
    }

    /** Runs {@code bin/localdb args...} to completion. */
    public Result run(String... args) throws IOException, InterruptedException {
        return start(args).await();
    }

    public record Started(Process process, Path out, Path err) {
        public Result await() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("localdb did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                process.destroyForcibly();
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    public record Result(int exitCode, String out, String err) {
        /** The single port number {@code localdb port} prints. */
        public int port() {
            if (exitCode != 0) {
                throw new AssertionError("localdb failed with exit code " + exitCode + ": " + err);
            }
            return Integer.parseInt(out.trim());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
