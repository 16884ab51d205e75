package dev.localdb.server;

import java.time.Duration;

/**
 * Counts requests being handled, so that stopping can wait for them. The JDK server's own
 * {@code stop(delay)} cannot: on Java 17 it always waits the whole delay, even when idle.
 */
final class InFlightRequests {
    private int count;
    private boolean refusing;

    /** False once stopping began: the caller answers 503 instead of handling the request. */
    synchronized boolean enter() {
        if (refusing) {
            return false;
        }
        count++;
        return true;
    }

    synchronized void exit() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized void refuseNew() {
        refusing = true;
    }

    /** Waits until no request is in flight or the grace period ends; true if all finished. */
    synchronized boolean awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        try {
            while (count > 0) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return false;
                }
                try {
                    wait(remainingMillis);
                } catch (InterruptedException e) {
                    interrupted = true; // finish the orderly stop, then restore the flag
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized int count() {
        return count;
    }
}
