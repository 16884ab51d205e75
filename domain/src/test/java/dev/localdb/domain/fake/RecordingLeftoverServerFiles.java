package dev.localdb.domain.fake;

import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.LeftoverServerFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Remembers which projects' files the lifecycle asked to forget, and when it swept. */
public final class RecordingLeftoverServerFiles implements LeftoverServerFiles {
    private final List<ProjectName> forgotten = new ArrayList<>();
    private final List<Instant> sweeps = new ArrayList<>();

    @Override
    public synchronized void forget(ProjectName project) {
        forgotten.add(project);
    }

    @Override
    public synchronized int removeDead(Instant now) {
        sweeps.add(now);
        return 0;
    }

    public synchronized List<ProjectName> forgotten() {
        return List.copyOf(forgotten);
    }

    public synchronized List<Instant> sweeps() {
        return List.copyOf(sweeps);
    }
}
