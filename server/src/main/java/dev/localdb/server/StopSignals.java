package dev.localdb.server;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for SIGTERM or SIGINT. The JVM's default handling of SIGTERM runs shutdown hooks and then
 * exits with 143; catching the signal instead lets the server stop in order and the process exit
 * with 0. Where signals cannot be caught, the shutdown hook alone still stops the server.
 */
final class StopSignals {
    private StopSignals() {
    }

    /**
     * Blocks until a stop signal arrives or someone else counts {@code stopRequested} down;
     * {@code onJvmExit} runs if the JVM exits some other way first.
     */
    static void awaitStopRequest(CountDownLatch stopRequested, Runnable onJvmExit) {
        catchSignal("TERM", stopRequested);
        catchSignal("INT", stopRequested);
        Thread hook = new Thread(onJvmExit, "localdb-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        while (stopRequested.getCount() > 0) {
            try {
                stopRequested.await();
            } catch (InterruptedException e) {
                interrupted = true; // only a signal ends the wait
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook will stop the server
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("removal")
    private static void catchSignal(String name, CountDownLatch stopRequested) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopRequested.countDown());
        } catch (IllegalArgumentException | LinkageError e) {
            // This platform or JVM (-Xrs) does not let us catch it; the shutdown hook covers SIGTERM.
        }
    }
}
