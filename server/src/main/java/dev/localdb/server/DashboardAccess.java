package dev.localdb.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may start and stop projects from this server's dashboard. A random 256-bit secret is made at
 * each server start and written only to the 0600 server.json, so only the user (through
 * {@code localdb open}) can mint tickets. A redeemed ticket gives the page the control token, which
 * the page sends back in the {@code X-LocalDB-Token} header. Every comparison is constant-time.
 */
final class DashboardAccess {
    static final String TOKEN_HEADER = "X-LocalDB-Token";
    static final String TICKET_HEADER = "X-LocalDB-Ticket";
    /** Far more than anyone opens in two minutes; a bound so that no request can grow the map. */
    private static final int MAX_REMEMBERED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final byte[] controlToken;
    private final Clock clock;
    private final Map<String, Instant> redeemed = new HashMap<>();

    private DashboardAccess(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.controlToken = DashboardTicket.base64(DashboardTicket.mac(secret, "control-token")).getBytes(StandardCharsets.US_ASCII);
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

    /** The control token for a genuine ticket seen for the first time; empty otherwise. */
    synchronized Optional<String> redeem(String ticket) {
        Instant now = clock.instant();
        redeemed.values().removeIf(expires -> now.isAfter(expires));
        Optional<DashboardTicket.Redeemable> genuine = DashboardTicket.verify(secret, ticket, now);
        if (genuine.isEmpty() || redeemed.containsKey(genuine.get().nonce()) || redeemed.size() >= MAX_REMEMBERED) {
            return Optional.empty();
        }
        redeemed.put(genuine.get().nonce(), genuine.get().expires());
        return Optional.of(new String(controlToken, StandardCharsets.US_ASCII));
    }

    /** Whether the header value is this server's control token. */
    boolean allows(String token) {
        return token != null && MessageDigest.isEqual(controlToken, token.getBytes(StandardCharsets.UTF_8));
    }
}
