package dev.localdb.adapters.os;

import dev.localdb.domain.contract.ProcessInspectorContract;
import dev.localdb.domain.port.ProcessInspector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;

/** The real inspector against real processes: {@code sleep} children that the test kills. */
class ProcessInspectorContractTest extends ProcessInspectorContract {
    private final Map<Long, Process> started = new ConcurrentHashMap<>();

    @Override
    protected ProcessInspector newInspector() {
        return new ProcFsProcessInspector();
    }

    @Override
    protected long startProcess() throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        started.put(process.pid(), process);
        return process.pid();
    }

    @Override
    protected void endProcess(long pid) throws InterruptedException {
        Process process = started.remove(pid);
        process.destroyForcibly();
        process.waitFor(); // the JDK reaps it, so no zombie is left behind either
    }

    @Override
    protected long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @AfterEach
    void endLeftovers() throws InterruptedException {
        for (Long pid : started.keySet()) {
            endProcess(pid);
        }
    }
}
