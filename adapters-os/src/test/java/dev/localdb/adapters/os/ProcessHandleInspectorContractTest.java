package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The portable mode's inspector (ProcessHandle only, the fallback where there is no /proc) keeps
 * the same contract. It runs here on whatever host builds the project, against the same real processes.
 */
class ProcessHandleInspectorContractTest extends ProcessInspectorContractTest {

    @Override
    protected ProcessInspector newInspector() {
        return PortablePlatform.PLATFORM.inspector();
    }

    /** Sessions come from /proc, whose start times this table does not use: nothing is seen to live on. */
    @Override
    protected boolean seesSessions() {
        return false;
    }

    /**
     * ProcessHandle calls a zombie alive; an orphan killed here stays one (PID 1 reaps nothing), and
     * the inspector must still call it gone. Where something reaps it, it is simply gone: the same answer.
     */
    @Test
    @EnabledOnOs(OS.LINUX) // the test waits for the end through /proc; the inspector itself reads none
    void aKilledOrphanIsGoneEvenWhileNobodyReapsIt() throws Exception {
        Process parent = new ProcessBuilder("/bin/sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!").start();
        long orphan;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
            orphan = Long.parseLong(out.readLine().trim());
        } finally {
            parent.waitFor();
        }
        ProcessInspector inspector = newInspector();
        ProcessIdentity identity;
        try {
            identity = inspector.identify(orphan).orElseThrow();
            assertThat(inspector.isAlive(identity)).as("the orphan runs").isTrue();
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
        ServerTestProcesses.await(() -> ended(orphan), "the orphan to end");

        assertThat(inspector.isAlive(identity)).as("killed, a zombie at most").isFalse();
        assertThat(inspector.identify(orphan)).isEmpty();
    }
}
