package dev.localdb.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.domain.diagnostics.PortExplanation;
import dev.localdb.domain.diagnostics.PortExplanation.Holder;
import dev.localdb.domain.diagnostics.PortExplanation.Listener;
import dev.localdb.domain.diagnostics.PortExplanation.Relation;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code localdb why} prints for each kind of answer, as text and as JSON. */
class WhyOutputTest {
    private static final PortNumber PORT = PortNumber.of(3000);
    private static final ListeningProcess SERVER = new ListeningProcess(1234, 1234, "java serve web");

    @Test
    void theProjectsOwnServerListeningOnTwoAddressesIsOneLine() {
        Holder active = new Holder(Allocation.held(ProjectName.of("web"), PORT,
                Optional.of(new ProcessIdentity(1234, 1, "boot")), Instant.EPOCH), AllocationStatus.ACTIVE);
        PortExplanation answer = new PortExplanation(PORT, Optional.of(active), List.of(), true, List.of(
                new Listener(new PortListener("127.0.0.1", List.of(SERVER)), Relation.PROJECT_SERVER),
                new Listener(new PortListener("::1", List.of(SERVER)), Relation.PROJECT_SERVER)), false);

        String text = text(answer);

        assertThat(text).contains("held by project web (active since ").contains(", PID 1234)");
        assertThat(text).contains("listening: PID 1234 on 127.0.0.1, ::1: java serve web (the server of project web)");
        assertThat(text.lines().filter(l -> l.contains("listening:"))).hasSize(1);
        assertThat(text).contains("free:      no");
    }

    @Test
    void aSocketWithoutAKnownOwnerSaysSoPlainly() {
        PortExplanation answer = new PortExplanation(PORT, Optional.empty(), List.of(), true,
                List.of(new Listener(new PortListener("0.0.0.0", List.of()), Relation.OTHER_PROGRAM)), false);

        assertThat(text(answer)).contains("listening: on 0.0.0.0: a program listens but its PID is unknown "
                + "(owned by another user or /proc unavailable)");
    }

    @Test
    void aForeignProgramOnAFreeOfProjectsPortIsOutsideLocaldb() {
        PortExplanation answer = new PortExplanation(PORT, Optional.empty(), List.of(ProjectName.of("old")), true, List.of(
                new Listener(new PortListener("0.0.0.0", List.of(new ListeningProcess(99, 99, "nc -l 3000"))), Relation.OTHER_PROGRAM)),
                false);

        String text = text(answer);

        assertThat(text).contains("no project holds it; remembered by old");
        assertThat(text).contains("PID 99 on 0.0.0.0: nc -l 3000 (a program outside localdb)");
    }

    @Test
    void aNamedPortIsShownWithItsNameAndVariable() throws Exception {
        Holder named = new Holder(Allocation.held(ProjectName.of("app"), PortNumber.of(2999), Optional.empty(), Instant.EPOCH)
                .withNamedPorts(Map.of(PortName.of("api"), PORT)), AllocationStatus.RESERVED, Optional.of(PortName.of("api")));
        PortExplanation answer = new PortExplanation(PORT, Optional.of(named), List.of(), true, List.of(), true);
        StringWriter buffer = new StringWriter();
        WhyJson.write(answer, new PrintWriter(buffer));

        assertThat(text(answer)).contains("held by project app as its port api ($PORT_API) (reserved since");
        assertThat(new ObjectMapper().readTree(buffer.toString()).at("/project/portName").asText()).isEqualTo("api");
    }

    @Test
    void aHostThatCannotTellIsNotReportedAsNothingListening() {
        PortExplanation answer = new PortExplanation(PORT, Optional.empty(), List.of(), false, List.of(), true);

        assertThat(text(answer)).contains("listening: cannot tell with this system's adapters").doesNotContain("listening: nothing");
    }

    @Test
    void jsonHasOneEntryPerSocketAndProcessWithNullsForWhatIsUnknown() throws Exception {
        Holder reserved = new Holder(Allocation.held(ProjectName.of("web"), PORT, Optional.empty(), Instant.EPOCH),
                AllocationStatus.RESERVED);
        PortExplanation answer = new PortExplanation(PORT, Optional.of(reserved), List.of(), true, List.of(
                new Listener(new PortListener("0.0.0.0", List.of(SERVER)), Relation.CANNOT_TELL),
                new Listener(new PortListener("::", List.of()), Relation.CANNOT_TELL)), false);
        StringWriter buffer = new StringWriter();
        WhyJson.write(answer, new PrintWriter(buffer));

        JsonNode json = new ObjectMapper().readTree(buffer.toString());

        assertThat(json.get("port").asInt()).isEqualTo(3000);
        assertThat(json.at("/project/name").asText()).isEqualTo("web");
        assertThat(json.at("/project/state").asText()).isEqualTo("reserved");
        assertThat(json.at("/project/pid").isNull()).isTrue();
        assertThat(json.at("/project/portName").isNull()).as("the main port").isTrue();
        assertThat(json.get("listeners")).hasSize(2);
        assertThat(json.at("/listeners/0/pid").asLong()).isEqualTo(1234);
        assertThat(json.at("/listeners/0/projectServer").isNull()).isTrue();
        assertThat(json.at("/listeners/1/pid").isNull()).isTrue();
        assertThat(json.get("free").asBoolean()).isFalse();
    }

    private static String text(PortExplanation answer) {
        StringWriter buffer = new StringWriter();
        WhyOutput.text(answer, new PrintWriter(buffer));
        return buffer.toString();
    }
}
