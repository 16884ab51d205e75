package dev.localdb.cli.proxy;

import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RouteSource;
import dev.localdb.domain.routing.RouteTable;
import dev.localdb.domain.routing.RouteTables;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The proxy's names, rebuilt from the registry, the catalog (with which projects start on demand)
 * and the aliases at most every {@link #FRESH_NANOS} (a start, stop or new port is routed within
 * that), never under the registry's lock: {@link RegistryStore#read} only looks. When the files
 * cannot be read for a moment (a registry being repaired), the last good table stays in use.
 */
public final class CachedRoutes implements RouteSource {
    /** 250 ms: well inside the second the issue allows, and at most 4 reads a second under load. */
    static final long FRESH_NANOS = 250_000_000L;

    private final RegistryStore store;
    private final ProjectCatalog catalog;
    private final ProxyFiles files;
    private final Consumer<String> problems;
    private volatile Snapshot snapshot;

    private record Snapshot(long builtAt, RouteTable table) {
    }

    /** @param problems told once per failed rebuild why the last table is still used (the proxy's log) */
    public CachedRoutes(RegistryStore store, ProjectCatalog catalog, ProxyFiles files, Consumer<String> problems) {
        this.store = store;
        this.catalog = catalog;
        this.files = files;
        this.problems = problems;
    }

    @Override
    public RouteTable current() {
        Snapshot now = snapshot;
        if (now != null && System.nanoTime() - now.builtAt() < FRESH_NANOS) {
            return now.table();
        }
        synchronized (this) {
            now = snapshot;
            if (now != null && System.nanoTime() - now.builtAt() < FRESH_NANOS) {
                return now.table();
            }
            RouteTable table;
            try {
                List<ProjectConfig> projects = catalog.list();
                Set<ProjectName> onDemand = projects.stream().filter(ProjectConfig::onDemand).map(ProjectConfig::name)
                        .collect(Collectors.toSet());
                table = RouteTables.from(store.read(), projects.stream().map(ProjectConfig::name).toList(), onDemand,
                        files.aliases());
            } catch (LocalDbException e) {
                problems.accept("routes not refreshed: " + e.getMessage());
                table = now == null ? RouteTable.empty() : now.table();
            }
            snapshot = new Snapshot(System.nanoTime(), table);
            return table;
        }
    }
}
