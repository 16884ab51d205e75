package dev.localdb.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may start and stop projects from this server's dashboard. A random 256-bit secret is made at
 * each server start and written only to the 0600 server.json, so only the user (through
 * {@code localdb open}) can mint tickets. Each redeemed ticket opens a session with a token of its
 * own, which the page sends back in the {@code X-LocalDB-Token} header. A session ends when its
 * page has not used it for {@link #SESSION_IDLE_LIMIT} (the page polls every 2 s, a hidden tab at
 * least once a minute, so only a closed page goes quiet that long) or when the server stops: a token
 * seen once is not good for the server's whole life. Every comparison is constant-time.
 */
final class DashboardAccess {
    static final String TOKEN_HEADER = "X-LocalDB-Token";
    static final String TICKET_HEADER = "X-LocalDB-Ticket";
    static final Duration SESSION_IDLE_LIMIT = Duration.ofMinutes(10);
    /** Far more than anyone opens in two minutes; a bound so that no request can grow the map. */
    private static final int MAX_REMEMBERED = 10_000;
    /** Far more pages than one person keeps open; past it the least recently used session ends. */
    static final int MAX_SESSIONS = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final Clock clock;
    private final Map<String, Instant> redeemed = new HashMap<>();
    /** Session tokens, least recently used first, with when each was last used. */
    private final LinkedHashMap<String, Instant> sessions = new LinkedHashMap<>(16, 0.75f, true);

    private DashboardAccess(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    static DashboardAccess generate(Clock clock) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new DashboardAccess(secret, clock);
    }

    static DashboardAccess of(byte[] secret, Clock clock) {
        return new DashboardAccess(secret, clock);
    }

    /** The secret as written to server.json. */
    String secretText() {
        return DashboardTicket.base64(secret);
    }

    /** A new session's token for a genuine ticket seen for the first time; empty otherwise. */
    synchronized Optional<String> redeem(String ticket) {
        Instant now = clock.instant();
        redeemed.values().removeIf(expires -> now.isAfter(expires));
        Optional<DashboardTicket.Redeemable> genuine = DashboardTicket.verify(secret, ticket, now);
        if (genuine.isEmpty() || redeemed.containsKey(genuine.get().nonce()) || redeemed.size() >= MAX_REMEMBERED) {
            return Optional.empty();
        }
        redeemed.put(genuine.get().nonce(), genuine.get().expires());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = DashboardTicket.base64(random);
        endIdleSessions(now);
        if (sessions.size() >= MAX_SESSIONS) {
            Iterator<String> leastRecentlyUsed = sessions.keySet().iterator();
            leastRecentlyUsed.next();
            leastRecentlyUsed.remove();
        }
        sessions.put(token, now);
        return Optional.of(token);
    }

    /** Whether the header value is the token of a session still open; using it keeps it open. */
    synchronized boolean allows(String token) {
        if (token == null) {
            return false;
        }
        Instant now = clock.instant();
        endIdleSessions(now);
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        String match = null;
        // Every session is compared, each in constant time: neither the time nor the order tells which one was close.
        for (String session : sessions.keySet()) {
            if (MessageDigest.isEqual(session.getBytes(StandardCharsets.US_ASCII), given)) {
                match = session;
            }
        }
        if (match == null) {
            return false;
        }
        sessions.put(match, now);
        return true;
    }

    private void endIdleSessions(Instant now) {
        sessions.values().removeIf(lastUsed -> Duration.between(lastUsed, now).compareTo(SESSION_IDLE_LIMIT) > 0);
    }
}
