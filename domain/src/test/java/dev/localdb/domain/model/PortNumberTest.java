package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortNumberTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3000, 65535})
    void acceptsEveryListenablePort(int value) {
        assertThat(PortNumber.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsNumbersOutsideOneTo65535(int value) {
        assertThatThrownBy(() -> PortNumber.of(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid port " + value + ": a port is a number from 1 to 65535.");
    }

    @Test
    void parsesDecimalTextAroundWhitespace() {
        assertThat(PortNumber.parse(" 5432 ")).isEqualTo(PortNumber.of(5432));
    }

    @Test
    void parseNamesTheBadTextAndTheRule() {
        assertThatThrownBy(() -> PortNumber.parse("abc"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid port \"abc\": a port is a number from 1 to 65535.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3000.5", "0x50", "99999999999", "3 000"})
    void parseRejectsWhatIsNotAPortNumber(String text) {
        assertThatThrownBy(() -> PortNumber.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a port is a number from 1 to 65535");
    }

    @Test
    void parseRejectsANumberOutOfRange() {
        assertThatThrownBy(() -> PortNumber.parse("70000"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid port 70000: a port is a number from 1 to 65535.");
    }

    @Test
    void parseNeverEchoesControlCharacters() {
        assertThatThrownBy(() -> PortNumber.parse("\u001b[2J\u0007"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\\u001b[2J\\u0007")
                .satisfies(e -> assertThat(ProjectNameTest.hasControlCharacter(e.getMessage())).isFalse());
    }

    @Test
    void ordersNumerically() {
        assertThat(PortNumber.of(999)).isLessThan(PortNumber.of(3000));
        assertThat(PortNumber.of(3000)).hasToString("3000");
    }
}
