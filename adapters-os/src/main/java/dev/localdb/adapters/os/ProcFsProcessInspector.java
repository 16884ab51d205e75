package dev.localdb.adapters.os;

import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Identifies processes by PID, start time and boot. On Linux all three come from the kernel
 * ({@code /proc/<pid>/stat} and {@code /proc/sys/kernel/random/boot_id}); elsewhere it falls back
 * on what {@link ProcessHandle} can tell (see {@link ProcessHandleTable}). A zombie counts as dead:
 * it has exited and will never serve anything again.
 */
public final class ProcFsProcessInspector implements ProcessInspector {
    private final ProcessTable table;
    private final String bootId;
    private final ProcessIdentity current;

    public ProcFsProcessInspector() {
        this(ProcessTable.forThisHost());
    }

    /** Identifies by what {@code table} tells: the portable and per-OS modes give their own ({@link HostPlatform}). */
    ProcFsProcessInspector(ProcessTable table) {
        this.table = table;
        this.bootId = table.bootId(); // the boot cannot change under a running process
        long self = ProcessHandle.current().pid();
        this.current = identify(self).orElseThrow(
                () -> new IllegalStateException("Cannot find this process (PID " + self + ") among the running processes."));
    }

    @Override
    public ProcessIdentity current() {
        return current;
    }

    @Override
    public Optional<ProcessIdentity> identify(long pid) {
        OptionalLong startTime = table.startTimeOf(pid);
        return startTime.isPresent()
                ? Optional.of(new ProcessIdentity(pid, startTime.getAsLong(), bootId))
                : Optional.empty();
    }

    @Override
    public boolean isAlive(ProcessIdentity identity) {
        if (!identity.bootId().equals(bootId)) {
            return false;
        }
        OptionalLong startTime = table.startTimeOf(identity.pid());
        return startTime.isPresent() && startTime.getAsLong() == identity.startTime();
    }

    @Override
    public Predicate<ProcessIdentity> sessionsLivingOn() {
        Map<Long, Long> latestMemberStart = table.latestSessionMemberStarts();
        // A member started no earlier than the leader, on this boot: Linux never reuses a PID that is still a session's id.
        return leader -> leader.bootId().equals(bootId) && !isAlive(leader)
                && latestMemberStart.getOrDefault(leader.pid(), -1L) >= leader.startTime();
    }
}
