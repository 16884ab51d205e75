package dev.localdb.cli.output;

import dev.localdb.domain.project.StopResult;
import java.time.Duration;

/** What {@code localdb stop} and the dashboard's Stop button say about one stop. */
public final class StopResultText {
    private StopResultText() {
    }

    public static String describe(StopResult result, Duration grace) {
        String port = result.port()
                .map(p -> " (" + NamedPortsText.phrase(p, result.namedPorts()) + " released, remembered for next time)")
                .orElse("");
        return switch (result.outcome()) {
            case STOPPED -> "Stopped " + result.project() + port + ".";
            // With --timeout 0 the server had no time to stop: it did not ignore anything.
            case KILLED -> grace.isZero() ? "Killed " + result.project() + " at once, as --timeout 0 asks" + port + "."
                    : "Killed " + result.project() + " after it ignored the request to stop for " + grace.toSeconds() + " s" + port + ".";
            case CRASHED -> "Project " + result.project() + " was not running: it had crashed" + port + ".";
            case LEFTOVERS_STOPPED -> "Stopped leftover processes of " + result.project() + port + ".";
            case NOT_RUNNING -> "Project " + result.project() + " is not running.";
            case REFUSED -> "Did not stop " + result.project() + ": its registry entry names PID " + pid(result)
                    + ", which localdb never signals (PID 1, this command or one of its parents); its port stays held."
                    + " Check the process yourself, then run 'localdb release " + result.project() + " --forget'.";
            case NOT_PERMITTED -> "Could not stop " + result.project() + ": the system did not allow signalling PID " + pid(result)
                    + " (another user's process?); it still runs and its port stays held. Stop it as its owner.";
        };
    }

    private static String pid(StopResult result) {
        return result.server().map(s -> Long.toString(s.pid())).orElse("?");
    }
}
