package dev.localdb.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {
    private static final Route SHOP = route("shop.localhost", "shop", null, 3000, RouteState.RUNNING, false);
    private static final Route SHOP_API = route("api.shop.localhost", "shop", "api", 3001, RouteState.RUNNING, false);
    private static final Route BLOG = route("blog.localhost", "blog", null, 4000, RouteState.STOPPED, false);
    private static final Route WIKI = route("wiki.localhost", "wiki", null, null, RouteState.STOPPED, true);
    private static final Route DB = route("db.localhost", "db", null, 5432, RouteState.ALIAS, false);
    private static final RouteTable TABLE = RouteTable.of(List.of(SHOP, SHOP_API, BLOG, WIKI, DB));

    @ParameterizedTest
    @ValueSource(strings = {"shop.localhost", "Shop.LOCALHOST", "shop.localhost:1355", "shop.localhost.", "shop.localhost.:1443",
            "  shop.localhost  "})
    void normalisesTheHostHeaderBeforeLookingItUp(String hostHeader) {
        assertThat(TABLE.decide(hostHeader)).isEqualTo(new RouteDecision.Forward(SHOP));
    }

    @Test
    void namedPortsHaveTheirOwnName() {
        assertThat(TABLE.decide("api.shop.localhost:1355")).isEqualTo(new RouteDecision.Forward(SHOP_API));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST:1355", "localdb.localhost", "127.0.0.1", "127.0.0.1:1355", "[::1]", "[::1]:1355"})
    void theProxysOwnNamesShowTheIndex(String hostHeader) {
        assertThat(TABLE.decide(hostHeader)).isEqualTo(new RouteDecision.IndexPage());
    }

    @Test
    void anUnregisteredLocalhostNameIsUnknownWithTheNormalisedHost() {
        assertThat(TABLE.decide("Nope.Localhost:80")).isEqualTo(new RouteDecision.UnknownName("nope.localhost"));
        assertThat(TABLE.decide("x.api.shop.localhost")).isEqualTo(new RouteDecision.UnknownName("x.api.shop.localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "shop.localhost.example.com", "localhost.evil", "10.0.0.1", "[fe80::1]:80", "notlocalhost"})
    void everyOtherNameIsForeign(String hostHeader) {
        assertThat(TABLE.decide(hostHeader)).isInstanceOf(RouteDecision.ForeignHost.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ":1355", "[::1"})
    void aMissingOrUnusableHostIsForeign(String hostHeader) {
        assertThat(TABLE.decide(hostHeader)).isInstanceOf(RouteDecision.ForeignHost.class);
    }

    @Test
    void aStoppedProjectIsNotRunningUnlessItStartsOnDemand() {
        assertThat(TABLE.decide("blog.localhost")).isEqualTo(new RouteDecision.NotRunning(BLOG));
        assertThat(TABLE.decide("wiki.localhost")).isEqualTo(new RouteDecision.StartOnDemand(WIKI));
    }

    @Test
    void anAliasIsAlwaysForwarded() {
        assertThat(TABLE.decide("db.localhost")).isEqualTo(new RouteDecision.Forward(DB));
    }

    @Test
    void theFirstRouteForAHostWinsAndRoutesAreSortedByHost() {
        Route shadow = route("shop.localhost", "other", null, 9999, RouteState.RUNNING, false);
        RouteTable table = RouteTable.of(List.of(SHOP, shadow, DB));

        assertThat(table.decide("shop.localhost")).isEqualTo(new RouteDecision.Forward(SHOP));
        assertThat(table.routes()).extracting(Route::host).containsExactly("db.localhost", "shop.localhost");
        assertThat(table.route("shop.localhost")).contains(SHOP);
    }

    @Test
    void anEmptyTableStillServesTheIndexAndTellsUnknownFromForeign() {
        assertThat(RouteTable.empty().decide("localhost")).isEqualTo(new RouteDecision.IndexPage());
        assertThat(RouteTable.empty().decide("shop.localhost")).isEqualTo(new RouteDecision.UnknownName("shop.localhost"));
        assertThat(RouteTable.empty().decide("shop.example")).isEqualTo(new RouteDecision.ForeignHost("shop.example"));
    }

    @Test
    void aRouteThatCanBeForwardedNeedsAPort() {
        assertThatThrownBy(() -> route("shop.localhost", "shop", null, null, RouteState.RUNNING, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> route("db.localhost", "db", null, null, RouteState.ALIAS, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> route("", "shop", null, 3000, RouteState.RUNNING, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Route route(String host, String project, String portName, Integer port, RouteState state, boolean onDemand) {
        return new Route(host, ProjectName.of(project), Optional.ofNullable(portName).map(PortName::of),
                Optional.ofNullable(port).map(PortNumber::of), state, onDemand);
    }
}
