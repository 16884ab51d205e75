package dev.localdb.domain.project;

import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.domain.port.ServerLogs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The application service behind {@code localdb rm}: stops the project's server, forgets its
 * ports, removes it from the catalog (its folder, and its data unless kept) and deletes its log.
 * Each step runs only when the one before it worked, so a server that cannot be stopped keeps
 * everything: localdb never forgets a server it started.
 */
public final class ProjectRemoval {
    private final ProjectLifecycle lifecycle;
    private final PortAllocator allocator;
    private final ProjectCatalog catalog;
    private final ServerLogs logs;
    private final Consumer<ProjectName> browserPages;

    /** @param browserPages deletes the page {@code open} wrote for the browser, a front end's own file */
    public ProjectRemoval(ProjectLifecycle lifecycle, PortAllocator allocator, ProjectCatalog catalog, ServerLogs logs,
                          Consumer<ProjectName> browserPages) {
        this.lifecycle = lifecycle;
        this.allocator = allocator;
        this.catalog = catalog;
        this.logs = logs;
        this.browserPages = browserPages;
    }

    /**
     * Removes the project as {@code status} (what the user was asked about) shows it: its server is
     * stopped first unless it is stopped already.
     */
    public Result remove(ProjectStatus status, boolean purgeData, Duration grace) {
        ProjectName name = status.name();
        Optional<StopResult> stopped = Optional.empty();
        if (status.state() != ProjectStatus.State.STOPPED) {
            StopResult result = lifecycle.stop(name, grace);
            if (!result.outcome().ended()) {
                return new Result(Optional.of(result), Optional.empty(), Optional.empty());
            }
            stopped = Optional.of(result);
        }
        // The ports first: should removing the folder fail, 'localdb rm' again finishes the job.
        Optional<Allocation> forgotten = allocator.forget(name);
        Optional<ProjectCatalog.Removal> removal = catalog.remove(name, purgeData);
        logs.delete(name);
        browserPages.accept(name);
        return new Result(stopped, forgotten, removal);
    }

    /**
     * What {@link #remove} did.
     *
     * @param stop      how the server was stopped; empty when it was stopped already
     * @param forgotten the ports forgotten; empty when the project had none
     * @param removal   what the catalog removed; empty when it had no such project (only ports)
     */
    public record Result(Optional<StopResult> stop, Optional<Allocation> forgotten, Optional<ProjectCatalog.Removal> removal) {
        public Result {
            Objects.requireNonNull(stop, "stop");
            Objects.requireNonNull(forgotten, "forgotten");
            Objects.requireNonNull(removal, "removal");
        }

        /** False when the server could not be stopped: then nothing was removed. */
        public boolean removed() {
            return stop.map(s -> s.outcome().ended()).orElse(true);
        }
    }
}
