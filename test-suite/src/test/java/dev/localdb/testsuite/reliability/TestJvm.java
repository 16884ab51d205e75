package dev.localdb.testsuite.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM running a main class of these tests with the real adapters. Its output is read as
 * it comes, in complete lines only: a line the child was killed in the middle of was never
 * reported. Closing it kills the process (after SIGCONT, in case a test stopped it).
 */
final class TestJvm implements AutoCloseable {
    private static final Duration GENEROUS = Duration.ofMinutes(2);
    /** Marks the end of the output in the queue; compared by identity, so no line can fake it. */
    private static final String END = new String("end of output");
    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private boolean ended;
    private final Thread reader;

    private TestJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "stdout of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <this test classpath> main args...}; its stderr goes to a file in {@code dir}. */
    static TestJvm start(Path dir, Class<?> main, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Like bin/localdb: these children are short-lived, so start them the fast way.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(dir, "child-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return new TestJvm(builder.start(), stderr);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The next complete line, or an error naming the child's stderr if it ends or says nothing for minutes. */
    String nextLine() throws Exception {
        String line = unread.poll(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        if (line == null || line == END) {
            throw new AssertionError("Child " + pid() + " ended or went silent without the expected output; stderr: " + stderr());
        }
        return line;
    }

    /** Every complete line so far; after {@link #kill()} or {@link #waitForExit()}, every line it ever wrote. */
    synchronized List<String> lines() {
        return List.copyOf(all);
    }

    /** Waits until the child wrote {@code count} complete lines, or ended; returns how many it wrote. */
    synchronized int awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (all.size() < count && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Child " + pid() + " wrote " + all.size() + " of " + count + " lines; stderr: " + stderr());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return all.size();
    }

    /** When each line arrived (System.nanoTime()). */
    synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    int waitForExit() throws Exception {
        if (!process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("Child " + pid() + " did not finish; stderr: " + stderr());
        }
        reader.join(GENEROUS.toMillis());
        return process.exitValue();
    }

    /** kill -9; returns once the process is gone (and with it its locks) and its output is read. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        reader.join(GENEROUS.toMillis());
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            Signals.sendIfRunning(pid(), "CONT"); // SIGKILL ends a stopped process too; this only leaves none stopped
        }
        kill();
        Files.deleteIfExists(stderr);
    }

    private void readLines() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    synchronized (this) {
                        all.add(text);
                        arrivals.add(System.nanoTime());
                        notifyAll();
                    }
                    unread.add(text);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException gone) {
            // the process is gone; what was read is all there is
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
            unread.add(END);
        }
    }
}
