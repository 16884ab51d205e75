package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetstatOutputTest {
    private final List<ListeningSocketRow> rows = NetstatOutput.parse(PlatformFixture.read("netstat-windows-reconstructed.txt"));

    @Test
    void readsListeningRowsOfBothFamiliesWhateverTheStateIsCalled() {
        assertThat(rows).containsExactly(
                new ListeningSocketRow("0.0.0.0", 135, 1044, ""),
                new ListeningSocketRow("0.0.0.0", 3000, 5678, ""),
                new ListeningSocketRow("127.0.0.1", 3001, 7001, ""),
                new ListeningSocketRow("::", 135, 1044, ""),
                new ListeningSocketRow("::1", 3000, 5678, ""),
                new ListeningSocketRow("::", 445, 4, ""));
    }

    @Test
    void establishedConnectionsOnThePortAreNotListeners() {
        assertThat(ListeningSocketRow.listenersOn(3000, rows)).extracting(PortListener::address).containsExactly("0.0.0.0", "::1");
    }

    @Test
    void windowsLineEndsAreRead() {
        assertThat(NetstatOutput.parse("  TCP    0.0.0.0:80    0.0.0.0:0    LISTENING    321\r\n"))
                .containsExactly(new ListeningSocketRow("0.0.0.0", 80, 321, ""));
    }
}
