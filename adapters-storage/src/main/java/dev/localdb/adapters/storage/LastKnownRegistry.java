package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Registry;
import java.util.Arrays;
import java.util.Optional;

/**
 * The registry file as this store last read or wrote it: its exact bytes and what they mean. When
 * the file holds those very bytes again (nobody else changed it since), reading it means the same
 * registry, so it is not parsed again; at 5,000 entries parsing was most of a change. The file is
 * still read and compared byte for byte under the lock every time, so a change by any other
 * process, of any size, is always seen. Only files this version reads and writes (schema at most
 * {@link RegistryJson#SCHEMA_VERSION}, not damaged) are remembered.
 */
final class LastKnownRegistry {
    private volatile Known last;

    private record Known(byte[] bytes, Registry registry) {
    }

    Optional<Registry> ifUnchanged(byte[] bytes) {
        Known known = last;
        return known != null && Arrays.equals(known.bytes(), bytes) ? Optional.of(known.registry()) : Optional.empty();
    }

    /** The caller gives up the array: it must not change afterwards. */
    void remember(byte[] bytes, Registry registry) {
        last = new Known(bytes, registry);
    }
}
