package dev.localdb.cli.proxy;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.OnDemandStarter;
import dev.localdb.domain.port.StartProgress;
import dev.localdb.domain.project.ProjectLifecycle;
import dev.localdb.domain.project.StartOptions;
import dev.localdb.domain.project.StartResult;
import java.util.function.Consumer;

/**
 * The proxy's on-demand start: {@code localdb start <project> --no-browser}, through the same
 * {@link ProjectLifecycle}, so the server is allocated, launched, waited for and recorded in the
 * registry exactly as that command does it ({@code status} and {@code stop} see it). A project
 * that is not on demand is never asked for: the route table only marks those that are.
 */
public final class LifecycleStarter implements OnDemandStarter {
    private final ProjectLifecycle lifecycle;
    private final StartOptions options;
    private final Consumer<String> log;

    /**
     * @param lifecycle built before the proxy serves: starts of two projects run on two threads at once
     * @param log       one line per start that launched a server (the proxy's log)
     */
    public LifecycleStarter(ProjectLifecycle lifecycle, StartOptions options, Consumer<String> log) {
        this.lifecycle = lifecycle;
        this.options = options;
        this.log = log;
    }

    @Override
    public PortNumber start(ProjectName project) {
        // No createIfMissing: a project removed since the routes were read is refused, not created anew.
        StartResult result = lifecycle.start(project, options, StartProgress.NONE);
        if (result.outcome() == StartResult.Outcome.STARTED) {
            log.accept("started " + project + " on demand on port " + result.port() + " (PID " + result.server().pid() + ")");
        }
        return result.port();
    }
}
