package dev.localdb.domain.project;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.StartProgress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the lifecycle reported, as the CLI's spinner would see it. */
final class RecordingProgress implements StartProgress {
    final List<PortNumber> launchedOn = new CopyOnWriteArrayList<>();
    final List<Duration> waited = new CopyOnWriteArrayList<>();
    final List<PortNumber> retriedAfter = new CopyOnWriteArrayList<>();
    final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void launched(PortNumber port, ProcessIdentity server, int attempt) {
        launchedOn.add(port);
    }

    @Override
    public void waiting(Duration elapsed) {
        waited.add(elapsed);
    }

    @Override
    public void retrying(PortNumber taken, String why) {
        retriedAfter.add(taken);
        reasons.add(why);
    }
}
