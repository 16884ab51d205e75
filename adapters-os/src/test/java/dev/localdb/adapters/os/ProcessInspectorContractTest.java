package dev.localdb.adapters.os;

import dev.localdb.domain.contract.ProcessInspectorContract;
import dev.localdb.domain.port.ProcessInspector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;

/** The real inspector against real processes: {@code sleep} children that the test kills. */
class ProcessInspectorContractTest extends ProcessInspectorContract {
    private final Map<Long, Process> started = new ConcurrentHashMap<>();
    private final java.util.Set<Long> members = ConcurrentHashMap.newKeySet();

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

    @Override
    protected Session startSession() throws Exception {
        // Not a group leader, so setsid makes this very process the leader; the shell starts sleep in it.
        Process leader = new ProcessBuilder("setsid", "sh", "-c", "sleep 60 & echo $!; wait").start();
        started.put(leader.pid(), leader);
        long member = Long.parseLong(new BufferedReader(new InputStreamReader(leader.getInputStream(), StandardCharsets.US_ASCII))
                .readLine().trim());
        members.add(member);
        return new Session(leader.pid(), member);
    }

    @Override
    protected void kill(long pid) throws Exception {
        Process ours = started.get(pid);
        if (ours != null) {
            endProcess(pid);
            return;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        // Orphaned, it is never reaped here: a zombie has ended.
        ServerTestProcesses.await(() -> ended(pid), "the member to end");
        members.remove(pid);
    }

    static boolean ended(long pid) {
        try {
            return ProcStat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1))
                    .map(ProcStat::hasExited).orElse(true);
        } catch (IOException gone) {
            return true;
        }
    }

    @AfterEach
    void endLeftovers() throws InterruptedException {
        for (Long pid : started.keySet()) {
            endProcess(pid);
        }
        members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
