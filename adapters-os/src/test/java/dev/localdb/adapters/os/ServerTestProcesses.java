package dev.localdb.adapters.os;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The processes one test starts, killed with all their descendants when the test ends (pass or
 * fail). Processes a launcher started are tracked by identity, so a PID reused meanwhile is safe.
 */
final class ServerTestProcesses implements AutoCloseable {
    private static final long PATIENCE_MILLIS = 15_000;

    private final ProcessInspector inspector;
    private final List<ProcessIdentity> tracked = new CopyOnWriteArrayList<>();
    private final Map<Long, BufferedReader> outputs = new ConcurrentHashMap<>();

    ServerTestProcesses(ProcessInspector inspector) {
        this.inspector = inspector;
    }

    /** Starts a child process whose stdout the test can read line by line. */
    ProcessIdentity start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        outputs.put(process.pid(), new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        ProcessIdentity identity = inspector.identify(process.pid())
                .orElseThrow(() -> new AssertionError("started process " + process.pid() + " is not identifiable"));
        return track(identity);
    }

    /** Starts {@code sh -c script} and waits until it prints "ready" (so its traps are in place). */
    ProcessIdentity startReady(String script) throws IOException {
        ProcessIdentity process = start("/bin/sh", "-c", script);
        String line = readLine(process);
        if (!"ready".equals(line)) {
            throw new AssertionError("expected \"ready\" from " + script + " but got " + line);
        }
        return process;
    }

    /** The next line the process printed; null at its end. */
    String readLine(ProcessIdentity process) throws IOException {
        return outputs.get(process.pid()).readLine();
    }

    ProcessIdentity track(ProcessIdentity identity) {
        tracked.add(identity);
        return identity;
    }

    /** Kills a tracked process and its descendants and waits until they are gone. */
    void end(ProcessIdentity identity) {
        if (!inspector.isAlive(identity)) {
            return;
        }
        ProcessHandle.of(identity.pid()).ifPresent(handle -> {
            List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
            all.add(handle);
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(p -> awaitQuietly(() -> !p.isAlive() || inspector.identify(p.pid()).isEmpty()));
        });
    }

    @Override
    public void close() {
        tracked.forEach(this::end);
        outputs.values().forEach(reader -> {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the process is gone; nothing left to read
            }
        });
    }

    /** The text of a /proc file of this process, NULs as spaces. */
    static String proc(long pid, String file) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), file)).replace('\0', ' ').trim();
    }

    /** Field {@code number} (1-based, as in proc(5)) of /proc/<pid>/stat. */
    static String statField(long pid, int number) throws IOException {
        String stat = proc(pid, "stat");
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return afterName[number - 3];
    }

    /**
     * Whether the PID names a process that still runs. A zombie does not: a detached server
     * killed here is re-parented to PID 1, which on some machines never reaps it.
     */
    static boolean isRunning(long pid) {
        try {
            return !Set.of("Z", "X").contains(statField(pid, 3));
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(BooleanSupplier condition) {
        try {
            await(condition, "a killed process is gone");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
