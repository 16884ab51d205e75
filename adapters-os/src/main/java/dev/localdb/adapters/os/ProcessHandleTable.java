package dev.localdb.adapters.os;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The fallback where there is no /proc (macOS, Windows): only what {@link ProcessHandle} tells.
 * Start times are epoch milliseconds. There is no portable, JDK-only boot id, so the boot is
 * always {@link #UNKNOWN_BOOT}; that loses little, because an absolute start time already tells a
 * process from an earlier boot apart from a newer one with the same PID.
 */
final class ProcessHandleTable implements ProcessTable {
    static final String UNKNOWN_BOOT = "boot-unknown";

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
        return UNKNOWN_BOOT;
    }
}
