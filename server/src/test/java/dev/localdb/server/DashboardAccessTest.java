package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardAccessTest {
    static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
    final DashboardAccess access = DashboardAccess.of(secret, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTicketIsRedeemedOnceForTheControlToken() {
        String ticket = DashboardTicket.mint(secret, NOW);

        String token = access.redeem(ticket).orElseThrow();

        assertThat(access.allows(token)).isTrue();
        assertThat(access.redeem(ticket)).as("second use").isEmpty();
        String another = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();
        assertThat(another).as("a new ticket opens another session").isNotEqualTo(token);
        assertThat(access.allows(another)).isTrue();
        assertThat(access.allows(token)).as("the first session is still open").isTrue();
    }

    @Test
    void aSessionEndsWhenItsPageHasNotUsedItForTheIdleLimit() {
        MovableClock clock = new MovableClock(NOW);
        DashboardAccess access = DashboardAccess.of(secret, clock);
        String polled = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();
        String closed = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();

        // The open page polls once a minute (a hidden tab's slowest), the closed one never again.
        for (int minute = 1; minute <= 15; minute++) {
            clock.now = NOW.plus(Duration.ofMinutes(minute));
            assertThat(access.allows(polled)).as("minute " + minute).isTrue();
        }

        assertThat(access.allows(closed)).as("idle for 15 minutes").isFalse();
        clock.now = clock.now.plus(DashboardAccess.SESSION_IDLE_LIMIT);
        assertThat(access.allows(polled)).as("idle for exactly the limit").isTrue();
        clock.now = clock.now.plus(DashboardAccess.SESSION_IDLE_LIMIT).plusSeconds(1);
        assertThat(access.allows(polled)).as("idle for longer than the limit").isFalse();
    }

    @Test
    void pastTheLimitOfOpenSessionsTheLeastRecentlyUsedEnds() {
        String first = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();
        String second = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();
        assertThat(access.allows(first)).isTrue(); // now second is the least recently used
        for (int i = 2; i < DashboardAccess.MAX_SESSIONS; i++) {
            access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();
        }
        assertThat(access.allows(second)).as("all " + DashboardAccess.MAX_SESSIONS + " fit").isTrue();
        assertThat(access.allows(first)).isTrue();

        String newest = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();

        assertThat(access.allows(newest)).isTrue();
        assertThat(access.allows(first)).as("recently used").isTrue();
        assertThat(access.allows(second)).as("recently used").isTrue();
    }

    @Test
    void aTicketLastsItsLifetimeAndNoLonger() {
        assertThat(access.redeem(DashboardTicket.mint(secret, NOW.minus(DashboardTicket.LIFETIME)))).as("expires right now").isPresent();
        assertThat(access.redeem(DashboardTicket.mint(secret, NOW.minus(DashboardTicket.LIFETIME).minusSeconds(1)))).isEmpty();
    }

    @Test
    void anyChangeToATicketSpoilsIt() {
        String ticket = DashboardTicket.mint(secret, NOW);
        String[] parts = ticket.split("\\.");
        List<String> spoiled = List.of(
                (Long.parseLong(parts[0]) + 60) + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1].replace(parts[1].charAt(0), parts[1].charAt(0) == 'A' ? 'B' : 'A') + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A",
                DashboardTicket.mint("another secret, also 32 bytes!!!".getBytes(), NOW),
                ticket + ".",
                " " + ticket);

        for (String bad : spoiled) {
            assertThat(access.redeem(bad)).as(bad).isEmpty();
        }
        assertThat(access.redeem(null)).isEmpty();
        assertThat(access.redeem(ticket)).as("the genuine one still works").isPresent();
    }

    @Test
    void onlyTheExactTokenAllows() {
        String token = access.redeem(DashboardTicket.mint(secret, NOW)).orElseThrow();

        assertThat(access.allows(null)).isFalse();
        assertThat(access.allows("")).isFalse();
        assertThat(access.allows(token + "x")).isFalse();
        assertThat(access.allows(token.substring(1))).isFalse();
        assertThat(access.allows(access.secretText())).as("the secret itself").isFalse();
        assertThat(DashboardAccess.of(secret, Clock.systemUTC()).allows(token)).as("another server instance, even with the same secret").isFalse();
        assertThat(DashboardAccess.generate(Clock.systemUTC()).allows(token)).as("a restarted server's new secret").isFalse();
    }

    @Test
    void sameOriginMeansExactlyThisHost() {
        assertThat(LocalOrigin.isSameOrigin(null, "localhost:3000")).isTrue();
        assertThat(LocalOrigin.isSameOrigin(List.of("http://localhost:3000"), "localhost:3000")).isTrue();
        assertThat(LocalOrigin.isSameOrigin(List.of("HTTP://LOCALHOST:3000"), "localhost:3000")).isTrue();
        assertThat(LocalOrigin.isSameOrigin(List.of("http://localhost:3001"), "localhost:3000")).isFalse();
        assertThat(LocalOrigin.isSameOrigin(List.of("http://127.0.0.1:3000"), "localhost:3000")).isFalse();
        assertThat(LocalOrigin.isSameOrigin(List.of("https://localhost:3000"), "localhost:3000")).isFalse();
        assertThat(LocalOrigin.isSameOrigin(List.of("null"), "localhost:3000")).isFalse();
        assertThat(LocalOrigin.isSameOrigin(List.of("http://evil.example"), "evil.example")).isFalse();
        assertThat(LocalOrigin.isSameOrigin(List.of("http://localhost:3000", "http://localhost:3000"), "localhost:3000")).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
