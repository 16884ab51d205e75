package dev.localdb.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When colour is on (https://no-color.org and friends), and what it does to text. */
class StyleTest {
    private static final Style COLOUR = Style.decide(Map.of(), true, false);

    @Test
    void aTerminalWithNothingSaidAgainstItGetsColour() {
        assertThat(colourful(Style.decide(Map.of(), true, false))).isTrue();
        assertThat(colourful(Style.decide(Map.of("TERM", "xterm-256color", "NO_COLOR", ""), true, false))).isTrue();
    }

    @ParameterizedTest(name = "terminal={0} NO_COLOR={1} TERM={2} --no-color={3} -> no colour")
    @CsvSource(nullValues = "unset", value = {
            "false, unset, xterm, false",   // piped or redirected
            "true,  1,     xterm, false",   // NO_COLOR set to anything non-empty
            "true,  0,     xterm, false",   // ... even "0" or "false": presence is what counts
            "true,  false, xterm, false",
            "true,  unset, dumb,  false",   // a terminal that cannot show colour
            "true,  unset, xterm, true",    // --no-color
            "false, 1,     dumb,  true"})
    void anyOneReasonTurnsColourOff(boolean terminal, String noColor, String term, boolean option) {
        Map<String, String> env = new HashMap<>();
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        env.put("TERM", term);

        assertThat(colourful(Style.decide(env, terminal, option))).isFalse();
    }

    @Test
    void withoutColourEveryMethodReturnsItsTextUnchanged() {
        Style plain = Style.decide(Map.of("NO_COLOR", "1"), true, false);

        for (String text : new String[] {"running", "stale", "crashed", "Stopped web.", ""}) {
            assertThat(plain.state(text)).isEqualTo(text);
            assertThat(plain.success(text)).isEqualTo(text);
            assertThat(plain.failure(text)).isEqualTo(text);
            assertThat(plain.green(text)).isEqualTo(plain.red(text)).isEqualTo(plain.yellow(text))
                    .isEqualTo(plain.dim(text)).isEqualTo(text);
        }
        assertThat(colourful(Style.PLAIN)).isFalse();
        assertThat(Style.PLAIN.state("running")).isEqualTo("running");
    }

    @Test
    void statesGetTheirColours() {
        assertThat(COLOUR.state("running")).isEqualTo("\u001b[32mrunning\u001b[0m");
        assertThat(COLOUR.state("active")).isEqualTo("\u001b[32mactive\u001b[0m");
        assertThat(COLOUR.state("stopped")).isEqualTo("\u001b[2mstopped\u001b[0m");
        assertThat(COLOUR.state("released")).isEqualTo("\u001b[2mreleased\u001b[0m");
        assertThat(COLOUR.state("crashed")).isEqualTo("\u001b[31mcrashed\u001b[0m");
        assertThat(COLOUR.state("stale")).isEqualTo("\u001b[33mstale\u001b[0m");
        assertThat(COLOUR.state("reserved")).isEqualTo("reserved");
    }

    @Test
    void successAndFailureLinesGetASymbolOnlyInColour() {
        assertThat(COLOUR.success("Stopped web.")).isEqualTo("\u001b[32m✓ Stopped web.\u001b[0m");
        assertThat(COLOUR.failure("web crashed.")).isEqualTo("\u001b[31m✗ web crashed.\u001b[0m");
    }

    /** Through what the commands print: a success line is painted only when colour is on. */
    private static boolean colourful(Style style) {
        return !style.success("x").equals("x");
    }
}
