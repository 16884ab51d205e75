package dev.localdb.testsuite.reliability;

/**
 * How hard the reliability tests push. The defaults keep {@code mvn -B verify} short; the Maven
 * profile {@code -Preliability} raises them (see test-suite/pom.xml) for the published figures.
 */
final class Intensity {
    private Intensity() {
    }

    /** Processes started at once per round of distinct projects. */
    static int processes() {
        return positive("localdb.reliability.processes", 20);
    }

    /** Rounds of {@link #processes()} processes, each round with new projects. */
    static int rounds() {
        return positive("localdb.reliability.rounds", 2);
    }

    /** kill -9 sent to allocating processes at random moments; each costs a JVM start (about 0.8 s of CPU). */
    static int kills() {
        return positive("localdb.reliability.kills", 50);
    }

    /** Processes of the history check. */
    static int historyWorkers() {
        return positive("localdb.reliability.historyWorkers", 8);
    }

    /** How long each of them runs random operations. */
    static int historySeconds() {
        return positive("localdb.reliability.historySeconds", 10);
    }

    /** How often each step of a write is interrupted by kill -9. */
    static int stepRepeats() {
        return positive("localdb.reliability.stepRepeats", 1);
    }

    private static int positive(String property, int fallback) {
        int value = Integer.getInteger(property, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive, not " + value);
        }
        return value;
    }
}
