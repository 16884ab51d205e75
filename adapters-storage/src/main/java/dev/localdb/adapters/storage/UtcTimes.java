package dev.localdb.adapters.storage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes and reads the times in localdb's files exactly as {@link Instant#toString()} and
 * {@link Instant#parse} do (e.g. {@code 2025-01-02T03:04:05.678Z}), only faster: on JDK 17
 * {@code Instant.parse} builds a new formatter for every call, and with a registry of thousands of
 * entries the two were a large part of each read and write. Only the plain form is handled here (a
 * four-digit year, 00-23:00-59:00-59, 1-9 fraction digits, 'Z'); anything else goes to the JDK, so
 * the text, the result and the error for a bad time are always exactly the JDK's own.
 */
final class UtcTimes {
    private static final int DATE_TIME_LENGTH = "uuuu-MM-ddTHH:mm:ss".length();
    private static final long FIRST_PLAIN_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_PLAIN_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private UtcTimes() {
    }

    /** The text of {@link Instant#toString()}. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        if (days < FIRST_PLAIN_DAY || days > LAST_PLAIN_DAY) {
            return instant.toString(); // years before 0000 or after 9999 have a sign or more digits
        }
        LocalDate date = LocalDate.ofEpochDay(days);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        StringBuilder text = new StringBuilder(DATE_TIME_LENGTH + 11);
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2).append('T');
        pad(text, secondOfDay / 3_600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        // Like the JDK: no fraction for whole seconds, else 3, 6 or 9 digits, as few as exact.
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(text, nanos / 1_000, 6);
            } else {
                pad(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /** @throws java.time.format.DateTimeParseException exactly when {@link Instant#parse} would */
    static Instant parse(String text) {
        Instant plain = plainOrNull(text);
        return plain != null ? plain : Instant.parse(text);
    }

    private static Instant plainOrNull(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(length - 1) != 'Z' || !separatorsAt(text)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > DATE_TIME_LENGTH + 1) {
            int fractionDigits = length - DATE_TIME_LENGTH - 2; // between the '.' and the 'Z'
            if (text.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, DATE_TIME_LENGTH + 1, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDate) {
            return null;
        }
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static boolean separatorsAt(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':';
    }

    /** The ASCII digits at {@code [from, from + count)} as a number, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
