package dev.localdb.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A one-time control ticket: {@code <expires>.<nonce>.<mac>}, where the MAC is HMAC-SHA256 under
 * the server's secret. {@code localdb open} mints one from the secret in the 0600 server.json and
 * puts it in the URL it opens; the server redeems it once for the page's control token.
 *
 * <p>Why a ticket and not the secret itself: the URL travels on the command line of the browser
 * (and of xdg-open), which every local user can read in {@code ps}. A ticket seen there is worth
 * nothing once the browser has used it, and nothing after {@link #LIFETIME} either.
 */
final class DashboardTicket {
    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,12})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A genuine ticket's nonce (to refuse it the second time) and when it expires. */
    record Redeemable(String nonce, Instant expires) {
    }

    private DashboardTicket() {
    }

    static String mint(byte[] secret, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = now.plus(LIFETIME).getEpochSecond() + "." + BASE64.encodeToString(nonce);
        return body + "." + BASE64.encodeToString(mac(secret, "ticket:" + body));
    }

    /** Empty unless the ticket was minted with this secret and has not expired (reuse is the caller's check). */
    static Optional<Redeemable> verify(byte[] secret, String ticket, Instant now) {
        Matcher parts = FORMAT.matcher(ticket == null ? "" : ticket);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String body = parts.group(1) + "." + parts.group(2);
        byte[] expected = BASE64.encodeToString(mac(secret, "ticket:" + body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts.group(1)));
        return now.isAfter(expires) ? Optional.empty() : Optional.of(new Redeemable(parts.group(2), expires));
    }

    static byte[] mac(byte[] secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String base64(byte[] bytes) {
        return BASE64.encodeToString(bytes);
    }
}
