package dev.localdb.domain.project;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;
import dev.localdb.domain.port.StartProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Watches a freshly launched server until it accepts connections, exits, or runs out of time. */
final class ReadinessWait {
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    enum Result { READY, EXITED, TIMED_OUT }

    private final ServerControl control;
    private final ProcessInspector inspector;
    private final Clock clock;
    private final Pause pause;

    ReadinessWait(ServerControl control, ProcessInspector inspector, Clock clock, Pause pause) {
        this.control = control;
        this.inspector = inspector;
        this.clock = clock;
        this.pause = pause;
    }

    Result await(PortNumber port, ProcessIdentity server, Duration timeout, StartProgress progress) {
        Instant started = clock.instant();
        while (true) {
            boolean accepts = control.acceptsConnections(port);
            // Liveness is checked after the connection: when the server is gone, whatever accepted
            // connections is another program that took the port, not the project's server.
            if (!inspector.isAlive(server)) {
                return Result.EXITED;
            }
            if (accepts) {
                return Result.READY;
            }
            Duration elapsed = Duration.between(started, clock.instant());
            if (elapsed.compareTo(timeout) >= 0) {
                return Result.TIMED_OUT;
            }
            progress.waiting(elapsed);
            pause.pause(POLL_INTERVAL);
        }
    }
}
