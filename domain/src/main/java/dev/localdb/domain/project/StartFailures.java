package dev.localdb.domain.project;

import dev.localdb.domain.error.ServerStartFailedException.Reason;
import dev.localdb.domain.error.ServerStartFailedException;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The one-line messages of a failed start; the log lines travel separately for the CLI to print. */
final class StartFailures {
    static final int LOG_LINES = 20;

    private StartFailures() {
    }

    static ServerStartFailedException of(ReadinessWait.Result result, LaunchSpec spec, StartOptions options,
                                         List<String> log) {
        ProjectName name = spec.project().name();
        if (result == ReadinessWait.Result.EXITED) {
            return new ServerStartFailedException(Reason.EXITED, "Server for " + name + " exited before it was ready on port "
                    + spec.port() + "; " + logHint(log) + ", fix the cause, then run 'localdb start " + name + "' again.", log);
        }
        return new ServerStartFailedException(Reason.TIMED_OUT, "Server for " + name + " did not accept connections on port "
                + spec.port() + " within " + seconds(options.readyTimeout()) + " and was stopped; make sure it listens on $PORT ("
                + logHint(log) + "), or allow it more time.", log);
    }

    static ServerStartFailedException portsTaken(LaunchSpec spec, List<PortNumber> taken, List<String> log) {
        ProjectName name = spec.project().name();
        String ports = taken.stream().map(PortNumber::toString).collect(Collectors.joining(", "));
        return new ServerStartFailedException(Reason.PORT_TAKEN, "Server for " + name + " could not listen: other programs took port"
                + (taken.size() == 1 ? " " : "s ") + ports + " before it started; run 'localdb start " + name + "' again.", log);
    }

    private static String logHint(List<String> log) {
        return log.isEmpty() ? "it wrote nothing to its log" : "see the end of its log below";
    }

    /** "30 s", or "1500 ms" when the timeout is not a whole number of seconds. */
    static String seconds(Duration duration) {
        return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
