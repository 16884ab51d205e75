package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.util.Objects;

/**
 * Who owns an allocation: a PID alone is not an identity (PIDs are reused after exit and after a
 * reboot), so the process start time and the boot it happened in are part of it.
 *
 * @param pid       the operating system's process id
 * @param startTime an opaque start marker from the {@code ProcessInspector} that recorded it
 *                  (clock ticks since boot on Linux); only ever compared for equality
 * @param bootId    identifies the boot the process ran in; a different boot means a different process
 */
public record ProcessIdentity(long pid, long startTime, String bootId) {
    public ProcessIdentity {
        if (pid <= 0) {
            throw new InvalidInputException("Invalid process id " + pid + ": a PID is a positive number.");
        }
        if (bootId == null || bootId.isBlank()) {
            throw new InvalidInputException("A process identity needs a boot id.");
        }
    }

    // Written out for start-up speed, with the generated meaning (package-info.java).
    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessIdentity identity && identity.pid == pid && identity.startTime == startTime
                && identity.bootId.equals(bootId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pid, startTime, bootId);
    }
}
