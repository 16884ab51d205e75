package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quoted user text can neither drive the terminal nor hide what is wrong with it. */
class PrintableTest {

    static Stream<Arguments> hidden() {
        return Stream.of(
                Arguments.of("a\u0000b", "a\\u0000b"),
                Arguments.of("\u001b[31mred", "\\u001b[31mred"),
                Arguments.of("del\u007f", "del\\u007f"),
                Arguments.of("csi\u009b2J", "csi\\u009b2J"),
                Arguments.of("web\u200b", "web\\u200b"),
                Arguments.of("\u202eevil", "\\u202eevil"),
                Arguments.of("line\u2028sep", "line\\u2028sep"),
                Arguments.of("lone\ud800", "lone\\ud800"),
                Arguments.of("tag\udb40\udc01", "tag\\ue0001"));
    }

    @ParameterizedTest
    @MethodSource("hidden")
    void invisibleAndControlCharactersAreEscaped(String raw, String shown) {
        assertThat(Printable.escaped(raw)).isEqualTo(shown);
    }

    @Test
    void visibleTextIncludingUnicodeIsKept() {
        assertThat(Printable.escaped("w\u00e9b \ud83d\ude00 \uff57")).isEqualTo("w\u00e9b \ud83d\ude00 \uff57");
    }

    @Test
    void ofShortensLongTextAfterEightyCharactersWithoutSplittingOne() {
        String raw = "\ud83d\ude00".repeat(100);

        assertThat(Printable.of(raw)).isEqualTo("\ud83d\ude00".repeat(80) + "...");
        assertThat(Printable.of("x".repeat(80))).isEqualTo("x".repeat(80));
    }
}
