package dev.localdb.testsuite.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** kill -STOP / -CONT by PID, which {@link Process} cannot send, and what state a process is in. */
final class Signals {
    private Signals() {
    }

    static void send(long pid, String signal) throws InterruptedException {
        Process kill;
        try {
            kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run kill -" + signal + " " + pid, e);
        }
        try {
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + pid + " failed: " + output(kill));
            }
        } finally {
            kill.destroyForcibly();
        }
    }

    /** For clean-up: a process that ended meanwhile needs no signal. */
    static void sendIfRunning(long pid, String signal) throws InterruptedException {
        try {
            send(pid, signal);
        } catch (AssertionError goneMeanwhile) {
            // nothing left to signal
        }
    }

    /** The state letter of /proc/<pid>/stat: R, S, T (stopped), Z ...; '?' when there is no such process. */
    static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException gone) {
            return '?';
        }
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            return "";
        }
    }
}
