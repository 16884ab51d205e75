package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
        assertThat(access.redeem(DashboardTicket.mint(secret, NOW))).as("a new ticket gives the same token").hasValue(token);
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
        assertThat(DashboardAccess.of(secret, Clock.systemUTC()).allows(token)).as("same secret, same token").isTrue();
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
}
