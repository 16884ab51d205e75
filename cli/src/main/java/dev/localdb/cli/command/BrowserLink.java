package dev.localdb.cli.command;

import dev.localdb.adapters.storage.ServerFileSecret;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.server.DashboardLink;
import java.io.IOException;
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

    /**
     * What to give the browser: for the embedded server a private page that redirects to the
     * control link (so no ticket is on the browser's command line), else the plain URL.
     */
    static String of(Wiring wiring, ProjectConfig project, PortNumber port, String plainUrl) {
        return withControl(wiring, project, port).flatMap(link -> redirectPage(wiring, project, link)).orElse(plainUrl);
    }

    /** The file: URL of the page, or empty when it cannot be written (the plain URL is opened instead). */
    static Optional<String> redirectPage(Wiring wiring, ProjectConfig project, String link) {
        try {
            return Optional.of(DashboardLink.redirectPage(wiring.home().runtime().resolve("open-" + project.name() + ".html"), link));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> withControl(Wiring wiring, ProjectConfig project, PortNumber port) {
        if (!project.usesEmbeddedServer()) {
            return Optional.empty();
        }
        Path serverJson = wiring.home().serverFile(project.name());
        long deadline = System.nanoTime() + SERVER_JSON_WAIT.toNanos();
        while (true) {
            Optional<String> link = ServerFileSecret.of(serverJson, port.value())
                    .map(secret -> DashboardLink.withControl(secret, port.value(), Instant.now()));
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
