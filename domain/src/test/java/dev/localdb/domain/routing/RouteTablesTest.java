package dev.localdb.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTablesTest {
    private static final ProjectName SHOP = ProjectName.of("shop");
    private static final ProjectName BLOG = ProjectName.of("blog");
    private static final ProjectName WEB = ProjectName.of("web");

    @Test
    void aHeldProjectIsForwardedWithItsNamedPortsAndAReleasedOneIsStoppedWithItsRememberedPort() {
        Registry registry = Registry.of(List.of(
                new Allocation(SHOP, port(3000), AllocationState.HELD, Optional.empty(), Instant.EPOCH,
                        Map.of(PortName.of("api"), port(3001))),
                new Allocation(BLOG, port(3002), AllocationState.RELEASED, Optional.empty(), Instant.EPOCH)), Optional.empty());

        RouteTable table = RouteTables.from(registry, List.of(SHOP, BLOG), Set.of(), Map.of());

        assertThat(table.routes()).extracting(Route::host).containsExactly("api.shop.localhost", "blog.localhost", "shop.localhost");
        assertThat(table.decide("shop.localhost:1355")).isEqualTo(new RouteDecision.Forward(table.route("shop.localhost").orElseThrow()));
        assertThat(table.route("api.shop.localhost").orElseThrow().port()).contains(port(3001));
        assertThat(table.route("api.shop.localhost").orElseThrow().portName()).contains(PortName.of("api"));
        Route blog = table.route("blog.localhost").orElseThrow();
        assertThat(blog.state()).isEqualTo(RouteState.STOPPED);
        assertThat(blog.port()).contains(port(3002));
        assertThat(table.decide("blog.localhost")).isInstanceOf(RouteDecision.NotRunning.class);
    }

    @Test
    void aReservationOutsideTheCatalogIsRoutedButNotOnceReleased() {
        Registry registry = Registry.of(List.of(Allocation.held(WEB, port(3005), Optional.empty(), Instant.EPOCH),
                new Allocation(BLOG, port(3002), AllocationState.RELEASED, Optional.empty(), Instant.EPOCH)), Optional.empty());

        RouteTable table = RouteTables.from(registry, List.of(), Set.of(), Map.of());

        assertThat(table.routes()).extracting(Route::host).containsExactly("web.localhost");
        assertThat(table.decide("blog.localhost")).isEqualTo(new RouteDecision.UnknownName("blog.localhost"));
    }

    @Test
    void aProjectThatNeverHeldAPortIsStoppedWithoutOneAndOnDemandOnlyForCatalogProjects() {
        RouteTable table = RouteTables.from(Registry.EMPTY, List.of(SHOP), Set.of(SHOP, WEB), Map.of());

        Route shop = table.route("shop.localhost").orElseThrow();
        assertThat(shop.port()).isEmpty();
        assertThat(shop.onDemand()).isTrue();
        assertThat(table.decide("shop.localhost")).isInstanceOf(RouteDecision.StartOnDemand.class);
        assertThat(table.route("web.localhost")).isEmpty();
    }

    @Test
    void anAliasIsAlwaysForwardedButNeverShadowsAProject() {
        RouteTable table = RouteTables.from(Registry.EMPTY, List.of(SHOP), Set.of(),
                Map.of(ProjectName.of("db"), port(5432), SHOP, port(9999)));

        assertThat(table.route("db.localhost").orElseThrow().state()).isEqualTo(RouteState.ALIAS);
        assertThat(table.decide("db.localhost")).isInstanceOf(RouteDecision.Forward.class);
        assertThat(table.route("shop.localhost").orElseThrow().state()).isEqualTo(RouteState.STOPPED);
    }

    private static PortNumber port(int value) {
        return PortNumber.of(value);
    }
}
