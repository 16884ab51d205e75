package dev.localdb.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.JsonProjectCatalog;
import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.domain.error.RegistryBusyException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction;
import dev.localdb.domain.routing.Route;
import dev.localdb.domain.routing.RouteDecision;
import dev.localdb.domain.routing.RouteTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy sees a changed name within a second, and keeps its last table while the files cannot be read. */
class CachedRoutesTest {
    @TempDir
    Path home;

    private final AtomicBoolean registryBusy = new AtomicBoolean();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private final RegistryStore store = new RegistryStore() {
        @Override
        public <T> T update(RegistryTransaction<T> transaction) {
            throw new UnsupportedOperationException("the proxy only looks");
        }

        @Override
        public Registry read() {
            if (registryBusy.get()) {
                throw new RegistryBusyException("registry locked for the test");
            }
            return Registry.EMPTY;
        }
    };

    private JsonProjectCatalog catalog() {
        return new JsonProjectCatalog(home.resolve("projects"), warning -> { });
    }

    private CachedRoutes routes() {
        return new CachedRoutes(store, catalog(), new ProxyFiles(home), problems::add);
    }

    private void alias(ProxyFiles files, String name, Integer port) {
        files.changeAliases(aliases -> {
            var changed = new HashMap<>(aliases);
            if (port == null) {
                changed.remove(ProjectName.of(name));
            } else {
                changed.put(ProjectName.of(name), PortNumber.of(port));
            }
            return changed;
        });
    }

    @Test
    void aRemovedNameIsGoneWithinASecond() throws InterruptedException {
        ProxyFiles files = new ProxyFiles(home);
        alias(files, "db", 5432);
        CachedRoutes routes = routes();
        assertThat(routes.current().route("db.localhost")).isPresent();

        alias(files, "db", null);
        long removed = System.nanoTime();
        while (routes.current().route("db.localhost").isPresent()) {
            assertThat(System.nanoTime() - removed).as("still routed after a second").isLessThan(TimeUnit.SECONDS.toNanos(1));
            Thread.sleep(10);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aStoppedOnDemandProjectIsStartedByARequestAndTheOthersAreNot() {
        Instant now = Instant.now();
        catalog().create(ProjectConfig.defaults(ProjectName.of("shop"), now).withOnDemand(true));
        catalog().create(ProjectConfig.defaults(ProjectName.of("blog"), now));

        RouteTable table = routes().current();

        assertThat(table.route("shop.localhost")).get().extracting(Route::onDemand).isEqualTo(true);
        assertThat(table.decide("shop.localhost")).isInstanceOf(RouteDecision.StartOnDemand.class);
        assertThat(table.route("blog.localhost")).get().extracting(Route::onDemand).isEqualTo(false);
        assertThat(table.decide("blog.localhost")).isInstanceOf(RouteDecision.NotRunning.class);
        assertThat(problems).isEmpty();
    }

    @Test
    void turningOnDemandOffIsSeenWithinASecond() throws InterruptedException {
        ProjectConfig shop = catalog().create(ProjectConfig.defaults(ProjectName.of("shop"), Instant.now()).withOnDemand(true));
        CachedRoutes routes = routes();
        assertThat(routes.current().decide("shop.localhost")).isInstanceOf(RouteDecision.StartOnDemand.class);

        catalog().update(shop.withOnDemand(false));
        long changed = System.nanoTime();
        while (!(routes.current().decide("shop.localhost") instanceof RouteDecision.NotRunning)) {
            assertThat(System.nanoTime() - changed).as("still started on demand after a second").isLessThan(TimeUnit.SECONDS.toNanos(1));
            Thread.sleep(10);
        }
    }

    @Test
    void anUnreadableRegistryKeepsTheLastTableAndSaysWhy() throws InterruptedException {
        ProxyFiles files = new ProxyFiles(home);
        alias(files, "db", 5432);
        CachedRoutes routes = routes();
        assertThat(routes.current().route("db.localhost")).isPresent();

        registryBusy.set(true);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(CachedRoutes.FRESH_NANOS) + 50);
        assertThat(routes.current().route("db.localhost")).as("the last good table").isPresent();
        assertThat(problems).singleElement().asString().contains("routes not refreshed").contains("registry locked for the test");
    }
}
