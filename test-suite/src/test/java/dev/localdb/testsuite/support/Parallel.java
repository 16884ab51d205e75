package dev.localdb.testsuite.support;

import java.util.ArrayList;
import java.util.List;

/** Starts many {@code localdb} processes before waiting for any, so they really run at once. */
public final class Parallel {
    private Parallel() {
    }

    public static List<LocalDbRunner.Result> run(LocalDbRunner runner, List<String[]> invocations) throws Exception {
        List<LocalDbRunner.Started> started = new ArrayList<>();
        try {
            for (String[] args : invocations) {
                started.add(runner.start(args));
            }
            List<LocalDbRunner.Result> results = new ArrayList<>();
            for (LocalDbRunner.Started process : started) {
                results.add(process.await());
            }
            return results;
        } finally {
            started.forEach(s -> s.process().destroyForcibly());
        }
    }
}
