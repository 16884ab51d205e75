package dev.localdb.domain.fake;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process table in memory: processes start, die, get their PID reused, and the machine reboots.
 * A process can join a leader's session, and outlives the leader there as a real one does.
 */
public final class FakeProcessInspector implements ProcessInspector {
    private final Map<Long, ProcessIdentity> running = new ConcurrentHashMap<>();
    private final Map<ProcessIdentity, List<ProcessIdentity>> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextPid = new AtomicLong(1000);
    private final AtomicLong ticks = new AtomicLong(100);
    private volatile String bootId = "boot-1";
    private volatile ProcessIdentity self;

    public FakeProcessInspector() {
        self = start();
    }

    @Override
    public ProcessIdentity current() {
        return self;
    }

    @Override
    public Optional<ProcessIdentity> identify(long pid) {
        return Optional.ofNullable(running.get(pid));
    }

    @Override
    public boolean isAlive(ProcessIdentity identity) {
        return identity.equals(running.get(identity.pid())) && identity.bootId().equals(bootId);
    }

    @Override
    public Predicate<ProcessIdentity> sessionsLivingOn() {
        return leader -> !isAlive(leader) && !membersOf(leader).isEmpty();
    }

    /** The process runs in the leader's session (the leader started it), and stays when the leader dies. */
    public void joinSession(ProcessIdentity leader, ProcessIdentity member) {
        sessions.computeIfAbsent(leader, l -> new CopyOnWriteArrayList<>()).add(member);
    }

    /** The live members of the leader's session, other than the leader. */
    public List<ProcessIdentity> membersOf(ProcessIdentity leader) {
        return sessions.getOrDefault(leader, List.of()).stream().filter(this::isAlive).toList();
    }

    /** Starts a new process with a fresh PID. */
    public ProcessIdentity start() {
        return startWithPid(nextPid.getAndIncrement());
    }

    /** Starts a process with a given PID, e.g. to reuse a dead process's PID. */
    public ProcessIdentity startWithPid(long pid) {
        ProcessIdentity identity = new ProcessIdentity(pid, ticks.getAndIncrement(), bootId);
        running.put(pid, identity);
        // Like a real kernel, never hand a running process's PID to the next new process.
        nextPid.accumulateAndGet(pid + 1, Math::max);
        return identity;
    }

    public void kill(ProcessIdentity identity) {
        running.remove(identity.pid(), identity);
    }

    /** Every process ends and the boot id changes; PIDs start over. */
    public void reboot() {
        running.clear();
        sessions.clear();
        bootId = bootId + "+";
        nextPid.set(1000);
        self = startWithPid(self.pid());
    }
}
