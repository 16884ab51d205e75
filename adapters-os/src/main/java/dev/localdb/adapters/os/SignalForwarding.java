package dev.localdb.adapters.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While {@code localdb run} waits for its command, the signals that ask it to end are passed on
 * to the command instead of ending the JVM at once, so that the port is released only after the
 * command has gone (the JVM's default would run the shutdown hooks and exit while the command
 * still serves on the port). A signal the JVM was started with ignored (e.g. SIGINT for
 * {@code cmd &}) stays ignored: the JVM then installs no handler.
 */
final class SignalForwarding implements AutoCloseable {
    private static final List<String> ENDING_SIGNALS = List.of("TERM", "HUP", "INT");
    private final Process child;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private SignalForwarding(Process child) {
        this.child = child;
    }

    static SignalForwarding to(Process child) {
        SignalForwarding forwarding = new SignalForwarding(child);
        for (String name : ENDING_SIGNALS) {
            Signal signal = new Signal(name);
            try {
                forwarding.previous.put(signal, Signal.handle(signal, forwarding::forward));
            } catch (IllegalArgumentException notAvailable) {
                // the JVM keeps this signal for itself (e.g. -Xrs): its default stays
            }
        }
        return forwarding;
    }

    private void forward(Signal signal) {
        if (signal.getName().equals("INT") && inForegroundOfTerminal()) {
            // Ctrl-C at the terminal reached the command too (same process group): a second
            // SIGINT would make many tools (npm, Vite) quit without cleaning up.
            return;
        }
        if (signal.getName().equals("TERM")) {
            child.destroy();
        } else {
            send(signal.getName());
        }
    }

    /**
     * The command is this process's own child, not yet reaped (Process#isAlive), so the PID is
     * still the command's and not a reused one.
     */
    private void send(String signal) {
        if (!child.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            child.destroy(); // no kill(1): SIGTERM still asks the command to end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this process group is the foreground group of a terminal (/proc/self/stat: pgrp and tpgid). */
    private static boolean inForegroundOfTerminal() {
        try {
            return ProcStat.parse(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.ISO_8859_1))
                    .map(ProcStat::inForegroundOfTerminal).orElse(false);
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
