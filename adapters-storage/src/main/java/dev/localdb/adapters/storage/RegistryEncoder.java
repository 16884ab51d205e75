package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.Registry;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry file's bytes, exactly those of {@link RegistryJson#encode}, for a process that
 * writes the registry again and again (a test JVM, the proxy, the embedded server): an entry that
 * is the very same {@link Allocation} as in the last file this encoder wrote is not encoded
 * again. A change touches one or two entries; with 5,000 entries, encoding the rest was most of
 * the write (docs/BENCHMARKS.md, issue #15). Allocations are immutable, so the same instance
 * always has the same bytes.
 */
final class RegistryEncoder {
    /** The entries of the last file written, by identity; guarded by this. */
    private Map<Allocation, byte[]> lastEntries = new IdentityHashMap<>();

    synchronized byte[] encode(Registry registry) {
        List<Allocation> allocations = registry.list();
        if (allocations.isEmpty()) {
            lastEntries = new IdentityHashMap<>();
            return RegistryJson.encode(registry); // "[ ]": the one shape the pieces below do not make
        }
        List<Allocation> changed = new ArrayList<>();
        for (Allocation allocation : allocations) {
            if (!lastEntries.containsKey(allocation)) {
                changed.add(allocation);
            }
        }
        List<byte[]> encoded = RegistryJson.entries(changed);
        Map<Allocation, byte[]> entries = new IdentityHashMap<>(allocations.size() * 2);
        for (int i = 0; i < changed.size(); i++) {
            entries.put(changed.get(i), encoded.get(i));
        }
        byte[] header = RegistryJson.header(registry);
        int size = header.length + RegistryJson.TAIL.length + allocations.size();
        List<byte[]> inOrder = new ArrayList<>(allocations.size());
        for (Allocation allocation : allocations) {
            byte[] entry = entries.computeIfAbsent(allocation, lastEntries::get);
            inOrder.add(entry);
            size += entry.length;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream(size);
        file.writeBytes(header);
        for (int i = 0; i < inOrder.size(); i++) {
            if (i > 0) {
                file.write(',');
            }
            file.writeBytes(inOrder.get(i));
        }
        file.writeBytes(RegistryJson.TAIL);
        lastEntries = entries;
        return file.toByteArray();
    }
}
