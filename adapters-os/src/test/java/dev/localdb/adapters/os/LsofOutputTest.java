package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsofOutputTest {

    @Test
    void readsTheOutputRecordedOnLinuxWhereLsofPrintsNoFileDescriptorLines() {
        assertThat(LsofOutput.parse(PlatformFixture.read("lsof-linux-recorded.txt"))).containsExactly(
                new ListeningSocketRow("127.0.0.1", 38411, 10116, "python3"),
                new ListeningSocketRow("::", 38411, 10116, "python3"));
    }

    @Test
    void readsMacOsFieldOutputWithFileSetsWildcardsAndBracketsAndSkipsWarnings() {
        assertThat(LsofOutput.parse(PlatformFixture.read("lsof-macos-reconstructed.txt"))).containsExactly(
                new ListeningSocketRow("0.0.0.0", 3000, 812, "node"),
                new ListeningSocketRow("::", 3000, 812, "node"),
                new ListeningSocketRow("0.0.0.0", 3000, 815, "node"),
                new ListeningSocketRow("::1", 3000, 901, "Python"));
    }

    @Test
    void aSocketSharedByTwoProcessesIsOneListenerWithBoth() {
        // PIDs that run no process here, so the command names come from lsof.
        List<ListeningSocketRow> rows = List.of(new ListeningSocketRow("0.0.0.0", 3000, Long.MAX_VALUE - 1, "node"),
                new ListeningSocketRow("0.0.0.0", 3000, Long.MAX_VALUE - 2, "node"),
                new ListeningSocketRow("::", 3001, Long.MAX_VALUE - 1, "node"));
        assertThat(ListeningSocketRow.listenersOn(3000, rows)).containsExactly(new PortListener("0.0.0.0",
                List.of(new ListeningProcess(Long.MAX_VALUE - 1, 0, "node"), new ListeningProcess(Long.MAX_VALUE - 2, 0, "node"))));
    }

    @Test
    void connectionsAndServiceNamesAreNotListeners() {
        assertThat(LsofOutput.parse("p12\ncnode\ntIPv4\nn127.0.0.1:3000->127.0.0.1:52011\ntIPv4\nn*:http\n")).isEmpty();
    }
}
