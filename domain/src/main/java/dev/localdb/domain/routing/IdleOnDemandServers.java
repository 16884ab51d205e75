package dev.localdb.domain.routing;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.Objects;

/**
 * The servers the proxy started on demand and when each last had a request through it, so that
 * those idle for {@code proxy.idleStopMinutes} can be stopped (puma-dev's idle timeout). Only
 * servers the proxy started itself are tracked: a project started with {@code localdb start} is
 * the user's to stop, and requests sent to its port directly are invisible to the proxy.
 * Thread-safe: the proxy's event loops note requests while its idle check takes servers out.
 */
public final class IdleOnDemandServers {
    private final Duration limit;
    private final Map<ProjectName, Tracked> servers = new HashMap<>();

    /** A server the proxy started, and the time of the last request it forwarded to it. */
    public record Tracked(ProjectName project, ProcessIdentity server, Instant lastRequest) {
        public Tracked {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(lastRequest, "lastRequest");
        }
    }

    public IdleOnDemandServers(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("an idle limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** The proxy started this server now; it replaces whatever was tracked for the project. */
    public synchronized void started(ProjectName project, ProcessIdentity server, Instant now) {
        servers.put(project, new Tracked(project, server, now));
    }

    /** A request for the project went through the proxy; nothing happens for an untracked project. */
    public synchronized void served(ProjectName project, Instant now) {
        servers.computeIfPresent(project, (name, tracked) ->
                now.isAfter(tracked.lastRequest()) ? new Tracked(name, tracked.server(), now) : tracked);
    }

    /** Takes out, and returns, every server whose last request is at least the limit ago. */
    public synchronized List<Tracked> takeIdle(Instant now) {
        List<Tracked> idle = new ArrayList<>();
        servers.values().removeIf(tracked -> {
            boolean isIdle = !tracked.lastRequest().plus(limit).isAfter(now);
            if (isIdle) {
                idle.add(tracked);
            }
            return isIdle;
        });
        idle.sort(Comparator.comparing(tracked -> tracked.project().value()));
        return idle;
    }

    public Duration limit() {
        return limit;
    }
}
