package dev.localdb.adapters.os;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The fallback where there is no /proc (macOS, Windows, the portable mode): start times from
 * {@link ProcessHandle}, in epoch milliseconds. There is no JDK-only boot id, so the portable mode's
 * boot is always {@link #UNKNOWN_BOOT}; that loses little, because an absolute start time already
 * tells a process from an earlier boot apart from a newer one with the same PID. macOS and Windows
 * give the boot they can read ({@link SysctlBootId}, {@link WindowsBootTime}).
 */
final class ProcessHandleTable implements ProcessTable {
    static final String UNKNOWN_BOOT = "boot-unknown";

    private final String bootId;

    ProcessHandleTable() {
        this(UNKNOWN_BOOT);
    }

    ProcessHandleTable(String bootId) {
        this.bootId = bootId;
    }

    /**
     * Some systems hide other processes' start times. Such a process still counts as running
     * (with an unknown start) rather than dead: calling a live owner dead would let its port go
     * to another project while it is in use, which is worse than missing a PID reuse.
     */
    static final long UNKNOWN_START = 0;

    @Override
    public OptionalLong startTimeOf(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::info)
                .filter(info -> !isZombie(info))
                .map(info -> OptionalLong.of(info.startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN_START)))
                .orElseGet(OptionalLong::empty);
    }

    /**
     * {@link ProcessHandle#isAlive} is true for a zombie (it has exited, nobody reaped it yet: where
     * PID 1 reaps no orphans, for ever). The JDK still reads a zombie's start time but no longer its
     * command, which an exited process no longer has: a start without any command is taken for a
     * zombie. A live process of another user whose command is hidden then counts as gone too — only
     * ever in the safe direction here, since localdb's own servers (the owners it tracks) are the
     * user's, whose commands are readable, and a process called gone is never signalled.
     */
    private static boolean isZombie(ProcessHandle.Info info) {
        return info.startInstant().isPresent() && info.command().isEmpty() && info.arguments().isEmpty()
                && info.commandLine().isEmpty();
    }

    @Override
    public String bootId() {
        return bootId;
    }
}
