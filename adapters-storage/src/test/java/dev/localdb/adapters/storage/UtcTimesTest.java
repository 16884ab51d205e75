package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UtcTimes must be indistinguishable from the JDK's Instant.toString and Instant.parse, only faster. */
class UtcTimesTest {
    private static final long SEED = 20261126L;
    /** From before year 0000 to after 9999, so both the plain form and the JDK's own path are covered. */
    private static final long EARLIEST = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesWhatInstantToStringWrites() {
        for (Instant instant : instants()) {
            assertThat(UtcTimes.format(instant)).as("epoch second %s, nano %s", instant.getEpochSecond(), instant.getNano())
                    .isEqualTo(instant.toString());
        }
    }

    @Test
    void readsBackWhatItWrites() {
        for (Instant instant : instants()) {
            assertThat(UtcTimes.parse(UtcTimes.format(instant))).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-01-02T03:04:05Z", "2025-01-02T03:04:05.6Z", "2025-01-02T03:04:05.678Z", "2025-01-02T03:04:05.123456789Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"})
    void readsValidTimesAsTheJdkDoes(String text) {
        assertThat(UtcTimes.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "Z", "2025-01-02", "2025-01-02T03:04:05", "2025-02-29T00:00:00Z",
            "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-01-32T00:00:00Z",
            "2025-01-02T03:60:00Z", "2025-01-02T03:04:61Z", "2025-01-02T03:04:05.1234567890Z", "2025-01-02 03:04:05Z",
            "2025-01-02T03:04:05.12a4Z", "２０２５-01-02T03:04:05Z", "2025-01-02T03:04:05ZZ", "x025-01-02T03:04:05Z"})
    void refusesInvalidTimesAsTheJdkDoes(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    /** Forms the plain path does not take: whatever the JDK makes of them, UtcTimes makes too. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-01-02T23:59:60Z", "2025-01-02T24:00:00Z", "2025-01-02T03:04:05z", "2025-01-02T03:04:05+01:00", "2025-01-02T03:04:05.Z", "2025-01-02T03:04Z"})
    void leavesUnusualFormsToTheJdk(String text) {
        assertAgreesWithTheJdk(text);
    }

    @Test
    void agreesWithTheJdkOnMangledTimes() {
        Random random = new Random(SEED);
        String alphabet = "0123456789-:TZ.+ z";
        for (Instant instant : instants()) {
            char[] text = instant.toString().toCharArray();
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            assertAgreesWithTheJdk(new String(text));
        }
    }

    /** Seconds across the whole range, with whole, milli-, micro- and nanosecond fractions. */
    private static List<Instant> instants() {
        Random random = new Random(SEED);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2024-02-29T23:59:59.100Z"), Instant.ofEpochSecond(0, 1_000), Instant.ofEpochSecond(0, 10)));
        int[] nanoSteps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 20_000; i++) {
            long second = EARLIEST + (long) (random.nextDouble() * (LATEST - EARLIEST));
            int step = nanoSteps[i % nanoSteps.length];
            int nanos = step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step;
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
        return instants;
    }

    private static void assertAgreesWithTheJdk(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> UtcTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(UtcTimes.parse(text)).as(text).isEqualTo(expected);
    }
}
