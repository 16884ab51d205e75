package dev.localdb.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NamedPortsTextTest {
    private static final PortNumber MAIN = PortNumber.of(3000);

    private static Map<PortName, PortNumber> named(Object... nameThenPort) {
        Map<PortName, PortNumber> ports = new TreeMap<>();
        for (int i = 0; i < nameThenPort.length; i += 2) {
            ports.put(PortName.of((String) nameThenPort[i]), PortNumber.of((Integer) nameThenPort[i + 1]));
        }
        return ports;
    }

    @Test
    void aSentenceNamesTheMainPortThenEveryNamedOne() {
        assertThat(NamedPortsText.phrase(MAIN, Map.of())).isEqualTo("port 3000");
        assertThat(NamedPortsText.phrase(MAIN, named("api", 3001))).isEqualTo("ports 3000 and api 3001");
        assertThat(NamedPortsText.phrase(MAIN, named("debug", 3002, "api", 3001)))
                .isEqualTo("ports 3000, api 3001 and debug 3002");
    }

    @Test
    void aTableCellAddsTheNamedPortsInParentheses() {
        assertThat(NamedPortsText.summary(Map.of())).isEmpty();
        assertThat(NamedPortsText.summary(named("debug", 3002, "api", 3001))).isEqualTo(" (api 3001, debug 3002)");
    }
}
