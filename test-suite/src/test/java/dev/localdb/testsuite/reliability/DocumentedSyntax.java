package dev.localdb.testsuite.reliability;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the documentation (docs/PORT_MANAGEMENT.md) says is valid input, written independently
 * of the product's parsers, as the oracle the property tests compare the CLI with.
 */
final class DocumentedSyntax {
    static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private DocumentedSyntax() {
    }

    /**
     * The documented syntax, read independently of the product: comma-separated {@code first-last}
     * or single ports from 1 to 65535 (blanks around them allowed); a blank value means the
     * defaults (returned as no ranges). Null when the value is invalid.
     */
    static List<long[]> parseRanges(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<long[]> ranges = new ArrayList<>();
        // As in the product, a trailing comma adds no range (String.split drops the empty last part).
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            int dash = trimmed.indexOf('-', 1);
            String first = dash < 0 ? trimmed : trimmed.substring(0, dash);
            String last = dash < 0 ? trimmed : trimmed.substring(dash + 1);
            if (!wholeNumberIn(first, 1, 65_535) || !wholeNumberIn(last, 1, 65_535)) {
                return null;
            }
            long low = new BigInteger(first.trim()).longValue();
            long high = new BigInteger(last.trim()).longValue();
            if (low > high) {
                return null;
            }
            ranges.add(new long[] {low, high});
        }
        return ranges;
    }

    /** A whole number (surrounding blanks allowed) from {@code min} to {@code max}. */
    static boolean wholeNumberIn(String text, long min, long max) {
        try {
            BigInteger value = new BigInteger(text.trim());
            return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
