package dev.localdb.junit;

import java.io.PrintWriter;

/**
 * The main class of a child test JVM: runs one scenario class through the JUnit Platform, as a
 * build tool's forked test JVM would, and exits 0 only when every test of it ran and passed.
 * Its settings (home, ranges, ...) come as system properties on its command line.
 */
public final class ScenarioMain {
    private ScenarioMain() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        ScenarioRun.Outcome outcome = ScenarioRun.launch(Class.forName(args[0]));
        PrintWriter err = new PrintWriter(System.err, true);
        outcome.failures().forEach(failure -> err.println("FAILED " + failure));
        err.println("scenario " + args[0] + ": " + outcome);
        System.exit(outcome.allPassed() ? 0 : 1);
    }
}
