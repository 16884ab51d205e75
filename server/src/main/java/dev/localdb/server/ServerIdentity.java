package dev.localdb.server;

import dev.localdb.domain.model.ProjectName;
import java.time.Instant;

/** What a running server says about itself on /health, the page and in server.json. */
record ServerIdentity(ProjectName project, int port, long pid, Instant startedAt) {
}
