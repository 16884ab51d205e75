package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener's process can never carry text that drives the terminal; ownership by session. */
class ListeningProcessTest {

    @Test
    void controlCharactersInTheCommandLineAreEscaped() {
        ListeningProcess process = new ListeningProcess(10, 10, "evil\u001b[2J \u202ename");

        assertThat(process.commandLine()).isEqualTo("evil\\u001b[2J \\u202ename");
    }

    @Test
    void aProcessBelongsToItselfAndToTheSessionItRunsIn() {
        ListeningProcess child = new ListeningProcess(20, 10, "node");

        assertThat(child.belongsTo(20)).isTrue();
        assertThat(child.belongsTo(10)).isTrue();
        assertThat(child.belongsTo(30)).isFalse();
        assertThat(new ListeningProcess(20, 0, "unknown session").belongsTo(0)).isFalse();
    }

    @Test
    void aPidMustBePositive() {
        assertThatThrownBy(() -> new ListeningProcess(0, 0, "x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aScanThatCouldNotLookHasNoListeners() {
        PortListener socket = new PortListener("::", List.of());

        assertThat(socket.ownerUnknown()).isTrue();
        assertThatThrownBy(() -> new ListenerScan(false, List.of(socket))).isInstanceOf(InvalidInputException.class);
        assertThat(ListenerScan.unknown().known()).isFalse();
    }
}
