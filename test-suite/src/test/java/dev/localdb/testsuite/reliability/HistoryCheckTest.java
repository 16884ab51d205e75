package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history checker itself catches what it is there to catch, so a green history check means something. */
class HistoryCheckTest {
    private static final String EMPTY = RegistryDigest.of(Registry.EMPTY);

    @Test
    void anEnterInsideAnotherSectionIsAnOverlap() {
        History history = History.parse(List.of(
                "E 0 1 " + EMPTY,
                "E 1 1 " + EMPTY,
                "L 0 1 cleanup - 2025-01-01T00:00:00Z - x",
                "L 1 1 cleanup - 2025-01-01T00:00:00Z - x"));

        assertThat(history.overlaps).isNotEmpty().first().asString().contains("worker 1 entered while worker 0");
    }

    @Test
    void aSectionThatWasGivenAnOlderRegistryIsALostUpdate() {
        // Both sections saw the empty registry: the second one did not see the first one's write.
        String afterCleanup = "will-not-match";
        History history = History.parse(List.of(
                "E 0 1 " + EMPTY, "L 0 1 cleanup - 2025-01-01T00:00:00Z - " + afterCleanup, "A 0 1 0",
                "E 1 1 " + EMPTY, "L 1 1 reserve web 2025-01-01T00:00:01Z - x", "A 1 1 3000"));

        HistoryReplay replay = HistoryReplay.of(history, HistoryWorkerMain.settings(3000, 3009));

        assertThat(history.overlaps).isEmpty();
        assertThat(replay.problems).anyMatch(p -> p.contains("worker 1 op 1") && p.contains("was given registry " + EMPTY));
    }

    @Test
    void aCallerToldAnotherPortThanTheReplayGivesIsCaught() {
        History history = History.parse(List.of(
                "E 0 1 " + EMPTY, "L 0 1 reserve web 2025-01-01T00:00:00Z 3000 x", "A 0 1 3000"));

        HistoryReplay replay = HistoryReplay.of(history, HistoryWorkerMain.settings(3000, 3009));

        // Port 3000 was busy on the host, so the replay gives 3001: telling the caller 3000 is wrong.
        assertThat(replay.problems).anyMatch(p -> p.contains("told 3000 but the replay answers 3001"));
    }
}
