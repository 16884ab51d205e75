package dev.localdb.cli;

import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortRange;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings from the environment. {@code LOCALDB_PORT_RANGES} (e.g. {@code 3000-3999,8000-8099})
 * replaces the default ranges; {@code LOCALDB_LOCK_TIMEOUT_MS} bounds the wait for the registry lock.
 */
public record Settings(AllocationSettings allocation, Duration lockTimeout) {
    static final String RANGES_ENV = "LOCALDB_PORT_RANGES";
    static final String LOCK_TIMEOUT_ENV = "LOCALDB_LOCK_TIMEOUT_MS";

    public static Settings from(Map<String, String> env) {
        AllocationSettings allocation = AllocationSettings.defaults();
        String ranges = env.get(RANGES_ENV);
        if (ranges != null && !ranges.isBlank()) {
            allocation = allocation.withRanges(parseRanges(ranges));
        }
        return new Settings(allocation, lockTimeout(env.get(LOCK_TIMEOUT_ENV)));
    }

    private static List<PortRange> parseRanges(String text) {
        try {
            return Arrays.stream(text.split(",")).map(PortRange::parse).toList();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(RANGES_ENV + "=\"" + text + "\" is invalid: " + e.getMessage()
                    + " Use comma-separated ranges such as 3000-3999,8000-8099.");
        }
    }

    private static Duration lockTimeout(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofSeconds(10);
        }
        try {
            long millis = Long.parseLong(text.trim());
            if (millis > 0 && millis <= 600_000) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidInputException(LOCK_TIMEOUT_ENV + "=\"" + text + "\" is invalid: use milliseconds from 1 to 600000.");
    }
}
