package dev.localdb.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleOnDemandServersTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final ProjectName SHOP = ProjectName.of("shop");
    private static final ProjectName WEB = ProjectName.of("web");
    private static final ProcessIdentity SHOP_SERVER = new ProcessIdentity(100, 1, "boot");
    private static final ProcessIdentity WEB_SERVER = new ProcessIdentity(200, 1, "boot");

    private final IdleOnDemandServers servers = new IdleOnDemandServers(Duration.ofMinutes(15));

    @Test
    void aServerIsIdleOnceTheLimitHasPassedSinceItsLastRequest() {
        servers.started(SHOP, SHOP_SERVER, T0);
        servers.served(SHOP, T0.plusSeconds(600));

        assertThat(servers.takeIdle(T0.plusSeconds(900))).as("15 min after the start, 5 after the last request").isEmpty();
        assertThat(servers.takeIdle(T0.plusSeconds(1499))).isEmpty();
        assertThat(servers.takeIdle(T0.plusSeconds(1500)))
                .containsExactly(new IdleOnDemandServers.Tracked(SHOP, SHOP_SERVER, T0.plusSeconds(600)));
    }

    @Test
    void aServerIsTakenOutOnceAndOnlyIdleOnesAre() {
        servers.started(SHOP, SHOP_SERVER, T0);
        servers.started(WEB, WEB_SERVER, T0);
        servers.served(WEB, T0.plusSeconds(800));

        assertThat(servers.takeIdle(T0.plusSeconds(900))).extracting(IdleOnDemandServers.Tracked::project).containsExactly(SHOP);
        assertThat(servers.takeIdle(T0.plusSeconds(901))).as("already taken out").isEmpty();
        assertThat(servers.takeIdle(T0.plusSeconds(1700))).extracting(IdleOnDemandServers.Tracked::server).containsExactly(WEB_SERVER);
    }

    /** A project the user started by hand, or one the proxy no longer tracks, is never handed out. */
    @Test
    void requestsForUntrackedProjectsTrackNothing() {
        servers.served(SHOP, T0);

        assertThat(servers.takeIdle(T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aRequestNotedLateDoesNotMoveTheClockBack() {
        servers.started(SHOP, SHOP_SERVER, T0.plusSeconds(60));
        servers.served(SHOP, T0);

        assertThat(servers.takeIdle(T0.plusSeconds(900))).isEmpty();
        assertThat(servers.takeIdle(T0.plusSeconds(960))).hasSize(1);
    }

    @Test
    void aNewStartReplacesTheServerTracked() {
        ProcessIdentity again = new ProcessIdentity(300, 2, "boot");
        servers.started(SHOP, SHOP_SERVER, T0);
        servers.started(SHOP, again, T0.plusSeconds(100));

        assertThat(servers.takeIdle(T0.plusSeconds(1000))).extracting(IdleOnDemandServers.Tracked::server).containsExactly(again);
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new IdleOnDemandServers(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
