package dev.localdb.cli.proxy;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.OnDemandStarter;
import dev.localdb.domain.port.StartProgress;
import dev.localdb.domain.project.ProjectLifecycle;
import dev.localdb.domain.project.ProjectStatus;
import dev.localdb.domain.project.StartOptions;
import dev.localdb.domain.project.StartResult;
import dev.localdb.domain.project.StopResult;
import dev.localdb.domain.routing.IdleOnDemandServers;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The proxy's on-demand start: {@code localdb start <project> --no-browser}, through the same
 * {@link ProjectLifecycle}, so the server is allocated, launched, waited for and recorded in the
 * registry exactly as that command does it ({@code status} and {@code stop} see it). A project
 * that is not on demand is never asked for: the route table only marks those that are.
 *
 * <p>With an idle limit ({@code proxy.idleStopMinutes}), a server this starter launched is stopped,
 * as {@code localdb stop} does it, once no request went through the proxy to it for that long,
 * and only while the project still runs that very server.
 */
public final class LifecycleStarter implements OnDemandStarter, AutoCloseable {
    /** What {@code localdb stop} waits by default before it kills. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ProjectLifecycle lifecycle;
    private final StartOptions options;
    private final Consumer<String> log;
    private final Clock clock;
    private final Optional<IdleOnDemandServers> idle;
    private final Optional<ScheduledExecutorService> idleCheck;

    /**
     * @param lifecycle built before the proxy serves: starts of two projects run on two threads at once
     * @param idleLimit stop a server started here after this long without a request; empty: never
     * @param log       one line per start that launched a server, and per idle stop (the proxy's log)
     */
    public LifecycleStarter(ProjectLifecycle lifecycle, StartOptions options, Optional<Duration> idleLimit, Consumer<String> log) {
        this(lifecycle, options, idleLimit, log, Clock.systemUTC());
    }

    LifecycleStarter(ProjectLifecycle lifecycle, StartOptions options, Optional<Duration> idleLimit, Consumer<String> log, Clock clock) {
        this.lifecycle = lifecycle;
        this.options = options;
        this.log = log;
        this.clock = clock;
        this.idle = idleLimit.map(IdleOnDemandServers::new);
        this.idleCheck = idle.map(servers -> {
            ScheduledExecutorService check = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "localdb-proxy-idle-stop");
                thread.setDaemon(true);
                return thread;
            });
            long period = checkPeriod(servers.limit()).toMillis();
            check.scheduleWithFixedDelay(this::stopIdleServers, period, period, TimeUnit.MILLISECONDS);
            return check;
        });
    }

    @Override
    public PortNumber start(ProjectName project) {
        // No createIfMissing: a project removed since the routes were read is refused, not created anew.
        StartResult result = lifecycle.start(project, options, StartProgress.NONE);
        if (result.outcome() == StartResult.Outcome.STARTED) {
            log.accept("started " + project + " on demand on port " + result.port() + " (PID " + result.server().pid() + ")");
            idle.ifPresent(servers -> servers.started(project, result.server(), clock.instant()));
        }
        return result.port();
    }

    @Override
    public void served(ProjectName project) {
        idle.ifPresent(servers -> servers.served(project, clock.instant()));
    }

    /** Stops each idle server that still serves its project; a project restarted or stopped meanwhile is left alone. */
    void stopIdleServers() {
        IdleOnDemandServers servers = idle.orElseThrow();
        for (IdleOnDemandServers.Tracked tracked : servers.takeIdle(clock.instant())) {
            try {
                Optional<ProjectStatus> now = lifecycle.status(tracked.project());
                boolean same = now.filter(status -> status.state() == ProjectStatus.State.RUNNING)
                        .flatMap(ProjectStatus::server).filter(tracked.server()::equals).isPresent();
                if (same) {
                    StopResult stopped = lifecycle.stop(tracked.project(), STOP_GRACE);
                    log.accept("stopped " + tracked.project() + " (PID " + tracked.server().pid() + "): no request through the proxy for "
                            + describe(servers.limit()) + " (proxy.idleStopMinutes); " + stopped.outcome().name().toLowerCase(Locale.ROOT));
                }
            } catch (RuntimeException e) {
                log.accept("could not stop idle " + tracked.project() + ": " + e.getMessage());
            }
        }
    }

    /** A quarter of the limit, from 1 s to 30 s: a server is stopped at most that late. */
    static Duration checkPeriod(Duration limit) {
        Duration quarter = limit.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    }

    private static String describe(Duration limit) {
        return limit.toSeconds() % 60 == 0 ? limit.toMinutes() + " min" : limit.toSeconds() + " s";
    }

    @Override
    public void close() {
        idleCheck.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
