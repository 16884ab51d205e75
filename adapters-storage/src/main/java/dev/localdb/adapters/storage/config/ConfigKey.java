package dev.localdb.adapters.storage.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting: its key in {@code config.json}, its environment variable, and an example of a good
 * value in each form (shown in error messages). docs/CONFIG.md describes them.
 */
public enum ConfigKey {
    PORT_RANGES("portRanges", "LOCALDB_PORT_RANGES", "[\"3000-3999\", \"8000-8099\"]", "3000-3999,8000-8099"),
    PREFERRED_PORT("preferredPort", "LOCALDB_PREFERRED_PORT", "3000", "3000"),
    EXCLUDED_PORTS("excludedPorts", "LOCALDB_EXCLUDED_PORTS", "[8080, \"9000-9099\"]", "8080,9000-9099"),
    USE_DEFAULT_EXCLUSIONS("useDefaultExclusions", "LOCALDB_USE_DEFAULT_EXCLUSIONS", "false", "false"),
    LOCK_TIMEOUT_MS("lockTimeoutMs", "LOCALDB_LOCK_TIMEOUT_MS", "10000", "10000"),
    CLEANUP_INTERVAL_SECONDS("cleanupIntervalSeconds", "LOCALDB_CLEANUP_INTERVAL_SECONDS", "3600", "3600"),
    LOGS_MAX_BYTES("logs.maxBytes", "LOCALDB_LOGS_MAX_BYTES", "10485760", "10485760"),
    PROXY_HTTP_PORT("proxy.httpPort", "LOCALDB_PROXY_HTTP_PORT", "1355", "1355"),
    PROXY_HTTPS_PORT("proxy.httpsPort", "LOCALDB_PROXY_HTTPS_PORT", "1443", "1443"),
    PROXY_AUTO_START("proxy.autoStart", "LOCALDB_PROXY", "true", "off"),
    PROXY_IDLE_STOP_MINUTES("proxy.idleStopMinutes", "LOCALDB_PROXY_IDLE_STOP_MINUTES", "15", "15");

    private final String key;
    private final String env;
    private final String jsonExample;
    private final String envExample;

    ConfigKey(String key, String env, String jsonExample, String envExample) {
        this.key = key;
        this.env = env;
        this.jsonExample = jsonExample;
        this.envExample = envExample;
    }

    public String key() {
        return key;
    }

    public String env() {
        return env;
    }

    /** E.g. {@code "lockTimeoutMs": 10000}. */
    String fileExample() {
        return "\"" + key + "\": " + jsonExample;
    }

    /** E.g. {@code LOCALDB_LOCK_TIMEOUT_MS=10000}. */
    String envExample() {
        return env + "=" + envExample;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }

    /** The known key nearest to a mistyped one (case ignored), if it is near enough to be a typo. */
    static Optional<ConfigKey> closest(String unknown) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .min(Comparator.comparingInt(k -> distance(lower, k.key.toLowerCase(Locale.ROOT))))
                .filter(k -> distance(lower, k.key.toLowerCase(Locale.ROOT)) <= Math.max(3, k.key.length() / 3)
                        || k.key.toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() >= 4);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
