package dev.localdb.testsuite.reliability;

import dev.localdb.adapters.storage.PauseRegistryWritesAgent;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Started;
import dev.localdb.testsuite.support.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A real {@code bin/localdb} command stopped inside its registry write, at one step of it, by the
 * storage adapter's test-only seam, reached through {@link PauseRegistryWritesAgent} loaded as a
 * Java agent. It holds the lock until it is killed; closing it kills it.
 */
final class PausedWriter implements AutoCloseable {
    private final Started started;
    private final Path agentJar;

    private PausedWriter(Started started, Path agentJar) {
        this.started = started;
        this.agentJar = agentJar;
    }

    /** Runs {@code localdb args...} and returns once it announced the pause at {@code step}. */
    static PausedWriter start(Path home, String step, String... args) throws Exception {
        Path agentJar = agentJar();
        Started started;
        try {
            started = new LocalDbRunner(home).env("LOCALDB_JAVA_OPTS", "-javaagent:" + agentJar + "=" + step).start(args);
        } catch (Exception | Error e) {
            Files.deleteIfExists(agentJar);
            throw e;
        }
        PausedWriter writer = new PausedWriter(started, agentJar);
        try {
            String marker = PauseRegistryWritesAgent.MARKER + step;
            Poll.until("localdb " + String.join(" ", args) + " to pause at " + step, Duration.ofMinutes(2),
                    () -> writer.stderr().contains(marker) || !started.process().isAlive());
            if (!writer.stderr().contains(marker)) {
                throw new AssertionError("localdb ended before pausing at " + step + ": " + started.await());
            }
            return writer;
        } catch (Exception | Error e) {
            writer.close();
            throw e;
        }
    }

    /** A jar of the one agent class; the classes it uses come from localdb's own jar. */
    private static Path agentJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", PauseRegistryWritesAgent.class.getName());
        String entry = PauseRegistryWritesAgent.class.getName().replace('.', '/') + ".class";
        Path jar = Files.createTempFile("localdb-pause-agent", ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = PauseRegistryWritesAgent.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(jar);
            throw e;
        }
        return jar;
    }

    long pid() {
        return started.process().pid();
    }

    /** kill -9, and wait until the process is gone. */
    void kill() throws InterruptedException {
        started.process().destroyForcibly();
        started.process().waitFor();
    }

    String stderr() {
        try {
            return Files.readString(started.err());
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            kill();
            started.await(); // removes its output files
        } finally {
            Files.deleteIfExists(agentJar);
        }
    }
}
