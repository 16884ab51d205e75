package dev.localdb.testsuite.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another process does in its own time (a browser script writing a file, a
 * killed process disappearing). The limit is generous: it only bounds a test that would otherwise
 * hang; it is not a claim about speed.
 */
public final class Poll {
    private Poll() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting after " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(25);
        }
    }
}
