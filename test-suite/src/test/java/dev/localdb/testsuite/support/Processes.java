package dev.localdb.testsuite.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the tests need to know about processes, read from /proc. A zombie (exited, not yet reaped:
 * common in containers whose init does not reap orphans) counts as gone, as it holds no port and
 * runs no code.
 */
public final class Processes {
    private Processes() {
    }

    /** Whether the PID names a process that still runs (not a zombie). */
    public static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /**
     * Whether this JVM ignores the signal (by number: 1 is HUP, 2 INT, 3 QUIT), as it does when the
     * build was started under nohup (HUP) or as {@code cmd &} by a shell without job control (INT,
     * QUIT). An ignored signal stays ignored across exec, so every process a test starts has it too.
     */
    public static boolean selfIgnores(int signal) {
        try {
            String mask = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
                    .findFirst().orElseThrow().substring("SigIgn:".length()).trim();
            return (Long.parseUnsignedLong(mask, 16) & (1L << (signal - 1))) != 0;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Every running process started with {@code LOCALDB_HOME=home}: the CLI puts it in the
     * environment of every server it starts, and children inherit it, so this finds whatever a
     * test's localdb left running (and nothing of other tests, which have other homes).
     */
    public static List<ProcessHandle> ofHome(Path home) {
        byte[] wanted = ("LOCALDB_HOME=" + home).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && isRunning(p.pid()) && hasEnvironmentEntry(p.pid(), wanted))
                .toList();
    }

    public static boolean belongsToHome(long pid, Path home) {
        return isRunning(pid) && hasEnvironmentEntry(pid, ("LOCALDB_HOME=" + home).getBytes(StandardCharsets.UTF_8));
    }

    /** "1234 java -cp ... serve web", for failure messages. */
    public static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse(process.info().command().orElse("?"));
    }

    private static boolean hasEnvironmentEntry(long pid, byte[] entry) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | RuntimeException unreadable) {
            return false; // gone meanwhile, or not ours to read
        }
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
