package dev.localdb.cli.command;

import dev.localdb.cli.Wiring;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.project.ProjectConfig;
import dev.localdb.server.DashboardLink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code start} and {@code open} give the browser. For the embedded server: its dashboard
 * with a one-time control ticket (minted from the 0600 server.json, which only this user can
 * read), so the page can start and stop projects. For a project's own command: its plain URL.
 * The terminal always shows the plain URL.
 */
final class BrowserLink {
    /** The server answers as soon as it listens and writes server.json a moment later. */
    private static final Duration SERVER_JSON_WAIT = Duration.ofSeconds(2);

    private BrowserLink() {
    }

    static String of(Wiring wiring, ProjectConfig project, PortNumber port, String plainUrl) {
        return withControl(wiring, project, port).orElse(plainUrl);
    }

    static Optional<String> withControl(Wiring wiring, ProjectConfig project, PortNumber port) {
        if (!project.usesEmbeddedServer()) {
            return Optional.empty();
        }
        Path serverJson = wiring.home().project(project.name()).resolve("server.json");
        long deadline = System.nanoTime() + SERVER_JSON_WAIT.toNanos();
        while (true) {
            Optional<String> link = DashboardLink.withControl(serverJson, port.value(), Instant.now());
            if (link.isPresent() || System.nanoTime() - deadline > 0) {
                return link;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
