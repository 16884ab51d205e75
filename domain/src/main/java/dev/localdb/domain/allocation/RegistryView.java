package dev.localdb.domain.allocation;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A read-only listing: every allocation with its status, and when cleanup last ran. */
public record RegistryView(List<Entry> entries, Optional<Instant> lastCleanup) {
    public RegistryView {
        entries = List.copyOf(entries);
    }

    public record Entry(Allocation allocation, AllocationStatus status) {
    }
}
