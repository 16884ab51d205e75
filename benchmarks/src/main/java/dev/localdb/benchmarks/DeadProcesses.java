package dev.localdb.benchmarks;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Identities of real processes that have exited: started, identified while alive, then killed
 * and reaped. Their PIDs may be reused later by other processes; the start time then differs, so
 * they stay dead to the inspector either way (that is the rule being measured).
 */
public final class DeadProcesses {
    private static final int BATCH = 50;

    private DeadProcesses() {
    }

    public static List<ProcessIdentity> identities(int count, ProcessInspector inspector) {
        List<ProcessIdentity> dead = new ArrayList<>(count);
        while (dead.size() < count) {
            List<Process> batch = new ArrayList<>();
            try {
                for (int i = 0; i < Math.min(BATCH, count - dead.size()); i++) {
                    batch.add(new ProcessBuilder("sleep", "60").start());
                }
                for (Process process : batch) {
                    dead.add(inspector.identify(process.pid()).orElseThrow(
                            () -> new IllegalStateException("A process started for the benchmark vanished before it was identified")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start 'sleep' to obtain dead process identities", e);
            } finally {
                reap(batch);
            }
        }
        return dead;
    }

    private static void reap(List<Process> batch) {
        for (Process process : batch) {
            process.destroyForcibly();
        }
        for (Process process : batch) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
