package dev.localdb.domain.port;

import dev.localdb.domain.model.ProjectName;
import java.time.Instant;

/**
 * The file an embedded server writes about itself while it runs ({@code server.json}). A server
 * killed before it could tidy up leaves it behind; the registry still decides what is stale,
 * this only removes what a dead server left.
 */
public interface LeftoverServerFiles {
    /** Nothing to tidy: for a front end without embedded servers, and for tests that do not look. */
    LeftoverServerFiles NONE = new LeftoverServerFiles() {
        @Override
        public void forget(ProjectName project) {
        }

        @Override
        public int removeDead(Instant now) {
            return 0;
        }
    };

    /** The project's server has ended: its file, if any, describes nothing any more. */
    void forget(ProjectName project);

    /** Removes every file whose server is gone (and old enough not to be starting); how many. */
    int removeDead(Instant now);
}
