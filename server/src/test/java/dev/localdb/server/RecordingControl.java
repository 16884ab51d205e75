package dev.localdb.server;

import dev.localdb.domain.error.InvalidInputException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ProjectsControl that records each call as "start web" / "stop web"; "broken" fails, "nope" is bad input. */
final class RecordingControl implements ProjectsControl {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String start(String project) {
        return act("start", project);
    }

    @Override
    public String stop(String project) {
        return act("stop", project);
    }

    private String act(String action, String project) {
        calls.add(action + " " + project);
        if (project.equals("broken")) {
            throw new ControlFailedException("broken did not start: see 'localdb logs broken'.");
        }
        if (project.equals("nope")) {
            throw new InvalidInputException("Unknown project \"nope\".");
        }
        return action + "ed " + project;
    }
}
