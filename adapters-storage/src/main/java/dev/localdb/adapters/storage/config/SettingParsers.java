package dev.localdb.adapters.storage.config;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link SettingInput} into a typed value. An environment variable is text; config.json
 * holds JSON values, so there a port is a number and ranges are a list (a string with the
 * variable's comma syntax is accepted too). Every failure is one line from {@link SettingInput#invalid}.
 */
final class SettingParsers {
    private SettingParsers() {
    }

    /** At least one range: "3000-3999,8000-8099", or ["3000-3999", 8080] in the file. */
    static List<PortRange> ranges(SettingInput input) {
        List<PortRange> ranges = rangeList(input);
        if (ranges.isEmpty()) {
            throw input.invalid("at least one port range is needed");
        }
        return ranges;
    }

    /** Ports never to hand out; may be empty. */
    static PortSet portSet(SettingInput input) {
        return PortSet.of(rangeList(input));
    }

    static PortNumber port(SettingInput input) {
        return PortNumber.of((int) wholeNumber(input, PortNumber.MIN, PortNumber.MAX, "a port is a number from 1 to 65535"));
    }

    static boolean bool(SettingInput input) {
        Object value = input.value();
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (input.fromEnvironment()) {
            String text = value.toString().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        throw input.invalid(input.fromEnvironment() ? "use true or false" : "use true or false, without quotes");
    }

    /** As {@link #bool}, and in a variable also {@code on} / {@code off} ({@code LOCALDB_PROXY=off}). */
    static boolean onOff(SettingInput input) {
        if (input.fromEnvironment()) {
            String text = input.value().toString().trim().toLowerCase(Locale.ROOT);
            if (text.equals("on") || text.equals("off")) {
                return text.equals("on");
            }
            if (!text.equals("true") && !text.equals("false")) {
                throw input.invalid("use on or off");
            }
        }
        return bool(input);
    }

    /** A whole number from min to max: digits in a variable, a JSON integer in the file. */
    static long wholeNumber(SettingInput input, long min, long max, String rule) {
        Object value = input.value();
        BigInteger number = null;
        if (input.fromEnvironment()) {
            try {
                number = new BigInteger(value.toString().trim());
            } catch (NumberFormatException e) {
                // reported below with the rule
            }
        } else if (value instanceof Long whole) {
            number = BigInteger.valueOf(whole);
        } else if (value instanceof BigInteger big) {
            number = big;
        }
        if (number == null || number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw input.invalid(rule);
        }
        return number.longValue();
    }

    /** A number from min to max, fractions allowed: text in a variable, a JSON number in the file. */
    static BigDecimal decimal(SettingInput input, BigDecimal min, BigDecimal max, String rule) {
        Object value = input.value();
        BigDecimal number = null;
        if (input.fromEnvironment() || value instanceof Number) {
            try {
                number = new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                // reported below with the rule
            }
        }
        if (number == null || number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw input.invalid(rule);
        }
        return number;
    }

    private static List<PortRange> rangeList(SettingInput input) {
        Object value = input.value();
        if (value instanceof String text) {
            return parseText(input, text);
        }
        if (input.fromEnvironment() || !(value instanceof List<?> items)) {
            throw input.invalid("use a list of ports and ranges");
        }
        List<PortRange> ranges = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof String text) {
                ranges.add(parseOne(input, text));
            } else if (item instanceof Long port && port >= PortNumber.MIN && port <= PortNumber.MAX) {
                ranges.add(PortRange.of(port.intValue(), port.intValue()));
            } else {
                throw input.invalid("each entry must be a port (1-65535) or a range in quotes, not " + SettingInput.shown(item));
            }
        }
        return ranges;
    }

    /**
     * The variable's syntax, unchanged since it was introduced: comma-separated ranges or single
     * ports; a trailing comma adds nothing (String.split drops the empty last part).
     */
    private static List<PortRange> parseText(SettingInput input, String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(part -> parseOne(input, part)).toList();
    }

    private static PortRange parseOne(SettingInput input, String text) {
        try {
            return PortRange.parse(text);
        } catch (InvalidInputException e) {
            throw input.invalid(e.getMessage());
        }
    }
}
