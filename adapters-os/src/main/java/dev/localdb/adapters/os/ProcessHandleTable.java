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
                .map(handle -> OptionalLong.of(handle.info().startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN_START)))
                .orElseGet(OptionalLong::empty);
    }

    @Override
    public String bootId() {
        return bootId;
    }
}
