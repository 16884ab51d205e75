package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Port names: a small alphabet, so that each maps to its own plain environment variable. */
class PortNameTest {

    @ParameterizedTest
    @CsvSource({
            "api, PORT_API",
            "debug, PORT_DEBUG",
            "dev-tools, PORT_DEV_TOOLS",
            "2, PORT_2",
            "a1-b2-, PORT_A1_B2_",
            "abcdefghijklmnopqrstuvwxyz012345, PORT_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void aValidNameMapsToItsEnvironmentVariable(String name, String variable) {
        assertThat(PortName.of(name).environmentVariable()).isEqualTo(variable);
        assertThat(PortName.of(name).toString()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"API", "dev_tools", "-api", "a.b", "a b", "api/", "../x", "ä", "abcdefghijklmnopqrstuvwxyz0123456", "a\nb"})
    void anInvalidNameIsRefusedWithTheRuleInOneLine(String name) {
        assertThatThrownBy(() -> PortName.of(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid port name \"")
                .hasMessageContaining("use 1-32 characters of a-z, 0-9 or '-'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> PortName.of("")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Port name is empty");
    }

    @Test
    void portIsReservedForTheMainPort() {
        assertThatThrownBy(() -> PortName.of("port")).isInstanceOf(InvalidInputException.class)
                .hasMessage("Port name \"port\" is reserved (the main port is $PORT): choose another name, e.g. --port-name api.");
    }
}
