package dev.localdb.domain.model;

import java.util.Locale;

/** What an allocation means right now, derived from its state and its owner's liveness. */
public enum AllocationStatus {
    /** Held, and the owner process is alive. */
    ACTIVE,
    /** Held without an owner process (reserved by {@code localdb port}); lasts until released. */
    RESERVED,
    /** Released; the port is remembered for the project. */
    RELEASED,
    /** Held, but the owner process is gone, was replaced (PID reuse) or ran before a reboot. */
    STALE;

    /** The lower-case word shown to users and written by {@code --json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this allocation keeps other projects off its port. */
    public boolean blocksOthers() {
        return this == ACTIVE || this == RESERVED;
    }
}
