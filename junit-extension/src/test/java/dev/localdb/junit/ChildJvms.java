package dev.localdb.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test JVMs started from a test, each running one scenario through {@link ScenarioMain} with this
 * JVM's test classpath. Output goes to a log file per child. Closing kills every child still
 * running (and anything it started), so none outlives a failed test.
 */
final class ChildJvms implements AutoCloseable {
    private final Path logs;
    private final Map<Process, Path> children = new LinkedHashMap<>();

    ChildJvms(Path logs) {
        this.logs = logs;
    }

    Process start(String name, Class<?> scenario, Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short-lived and many at once on a small machine: start them cheaply.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Xmx96m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-D" + ScenarioRun.MARKER + "=true");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScenarioMain.class.getName(), scenario.getName()));
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Only the system properties above choose the home and ranges.
        builder.environment().remove(PortRanges.ENV);
        Process process = builder.start();
        children.put(process, log);
        return process;
    }

    /**
     * Waits until every child has ended, failing with its output as soon as one ends with another
     * exit code than 0 (its peers may be waiting for it, so waiting for them would only hang).
     */
    void awaitAllSucceeded(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (children.keySet().stream().anyMatch(Process::isAlive)) {
            children.keySet().stream().filter(child -> !child.isAlive() && child.exitValue() != 0).findFirst()
                    .ifPresent(this::failWithOutput);
            if (System.nanoTime() > end) {
                throw new AssertionError("Children still run after " + deadline);
            }
            Thread.sleep(20);
        }
        children.keySet().stream().filter(child -> child.exitValue() != 0).findFirst().ifPresent(this::failWithOutput);
    }

    private void failWithOutput(Process child) {
        throw new AssertionError("Child " + child.pid() + " exited with " + child.exitValue() + "; its output:\n" + output(child));
    }

    String output(Process child) {
        try {
            return Files.readString(children.get(child));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** kill -9, as a crash or an IDE's stop button would; returns once it is gone. */
    void kill(Process child) throws InterruptedException {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor(60, TimeUnit.SECONDS);
    }

    /** Kills every child still running, even when interrupted (the interrupt is kept for the caller). */
    @Override
    public void close() {
        boolean interrupted = false;
        for (Process child : children.keySet()) {
            if (child.isAlive()) {
                try {
                    kill(child);
                } catch (InterruptedException e) {
                    interrupted = true; // it was sent SIGKILL already; go on with the others
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
