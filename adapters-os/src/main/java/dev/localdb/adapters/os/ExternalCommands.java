package dev.localdb.adapters.os;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs other programs (certutil, update-ca-certificates, security) the safe way: an argument
 * list and no shell, so a path with spaces or quotes stays one argument; a deadline, so a tool
 * waiting for a password that will never come does not hang localdb; its output kept for the
 * one-line report of a failure.
 */
public final class ExternalCommands {
    /** What a program did: its exit code (-1 when it could not run or ran out of time) and its output (stdout and stderr). */
    public record Outcome(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The output's first non-blank line, for a one-line report. */
        public String firstLine() {
            return output.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                    .orElse("exit code " + exitCode);
        }
    }

    private final Map<String, String> env;
    private final Duration timeout;

    /** @param env the user's environment: its PATH finds the programs, and they inherit it (HOME tells certutil nothing, but the tools read it) */
    public ExternalCommands(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    /** The program's executable on the environment's PATH, if there is one. */
    public Optional<Path> find(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // a PATH entry this system cannot hold as a path cannot hold the program either
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} (the program first) to its end or the deadline; never throws for the program's sake. */
    public Outcome run(List<String> command) {
        // stdin is a pipe closed at once rather than /dev/null, which Windows does not have.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return new Outcome(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
        // Read while it runs: a program whose output fills the pipe would otherwise never finish.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Outcome(process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Outcome(-1, command.get(0) + " was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            // it exited, but a child kept its output open: the exit code is still the answer
            return new Outcome(process.exitValue(), "");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
