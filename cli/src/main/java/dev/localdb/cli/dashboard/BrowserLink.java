package dev.localdb.cli.dashboard;

import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.adapters.storage.ServerFileSecret;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.server.DashboardLink;
import java.io.IOException;
import java.nio.file.Files;
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
public final class BrowserLink {
    /** The server answers as soon as it listens and writes server.json a moment later. */
    private static final Duration SERVER_JSON_WAIT = Duration.ofSeconds(2);

    private final LocalDbHome home;

    public BrowserLink(LocalDbHome home) {
        this.home = home;
    }

    /**
     * What to give the browser: for the embedded server a private page that redirects to the
     * control link (so no ticket is on the browser's command line), else the plain URL.
     */
    public String of(ProjectConfig project, PortNumber port, String plainUrl) {
        return withControl(project, port).flatMap(link -> redirectPage(project, link)).orElse(plainUrl);
    }

    /** The file: URL of the page, or empty when it cannot be written (the plain URL is opened instead). */
    public Optional<String> redirectPage(ProjectConfig project, String link) {
        try {
            return Optional.of(DashboardLink.redirectPage(page(project.name()), link));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes the project's page ({@code localdb rm}); nothing happens when there is none. */
    public void forgetPage(ProjectName project) {
        Path page = page(project);
        try {
            Files.deleteIfExists(page);
        } catch (IOException e) {
            throw new StateUnusableException("Cannot delete " + page + ": " + e.getMessage()
                    + "; check that the runtime folder is yours and writable.", e);
        }
    }

    public Optional<String> withControl(ProjectConfig project, PortNumber port) {
        if (!project.usesEmbeddedServer()) {
            return Optional.empty();
        }
        Path serverJson = home.serverFile(project.name());
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

    private Path page(ProjectName project) {
        return home.runtime().resolve("open-" + project + ".html");
    }
}
