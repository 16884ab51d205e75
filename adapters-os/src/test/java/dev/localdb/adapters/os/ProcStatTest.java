package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The terminal's foreground group decides whether a SIGINT to {@code localdb run} came from Ctrl-C (SignalForwarding). */
class ProcStatTest {
    // pid (comm) state ppid pgrp session tty_nr tpgid ... field 22 (start time) is 4242.
    private static final String REST = " 0 0 0 0 0 0 0 0 0 20 0 1 0 4242 1000 10";

    @Test
    void aProcessWhoseGroupTheTerminalShowsIsInItsForeground() {
        ProcStat stat = ProcStat.parse("311 (java (run) x) S 300 311 290 34816 311" + REST).orElseThrow();

        assertThat(stat.processGroup()).isEqualTo(311);
        assertThat(stat.session()).isEqualTo(290);
        assertThat(stat.terminalForegroundGroup()).isEqualTo(311);
        assertThat(stat.startTicks()).isEqualTo(4242);
        assertThat(stat.inForegroundOfTerminal()).isTrue();
    }

    @Test
    void aBackgroundGroupOrNoTerminalIsNot() {
        assertThat(ProcStat.parse("311 (java) S 300 311 290 34816 400" + REST).orElseThrow().inForegroundOfTerminal()).isFalse();
        assertThat(ProcStat.parse("311 (java) S 300 311 290 0 -1" + REST).orElseThrow().inForegroundOfTerminal()).isFalse();
    }
}
