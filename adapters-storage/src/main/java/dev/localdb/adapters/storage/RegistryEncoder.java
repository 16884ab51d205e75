package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry file's bytes, exactly those of {@link RegistryJson#encode}, for a process that
 * writes the registry again and again (a test JVM, the proxy, the embedded server): an entry that
 * is the very same {@link Allocation} as in the last file this encoder wrote is not encoded
 * again. A change touches one or two entries; with 5,000 entries, encoding the rest was most of
 * the write (docs/BENCHMARKS.md, issue #15). Allocations are immutable, so the same instance
 * always has the same bytes.
 *
 * <p>A registry lists its entries in project order, so the last file's entries are found by
 * walking both lists side by side, not by hashing: an identity map over 5,000 entries cost more
 * in cache misses than the rest of the encoding.
 */
final class RegistryEncoder {
    private static final Allocation[] NO_ENTRIES = {};
    private static final byte[][] NO_BYTES = {};

    // The entries of the last file written, in project order, and their bytes; guarded by this.
    private Allocation[] lastEntries = NO_ENTRIES;
    private byte[][] lastBytes = NO_BYTES;

    synchronized byte[] encode(Registry registry) {
        Allocation[] entries = registry.list().toArray(NO_ENTRIES);
        if (entries.length == 0) {
            remember(NO_ENTRIES, NO_BYTES);
            return RegistryJson.encode(registry); // "[ ]": the one shape the pieces below do not make
        }
        byte[][] inOrder = new byte[entries.length][];
        List<Allocation> changed = new ArrayList<>();
        int[] changedAt = new int[entries.length];
        int last = 0;
        for (int i = 0; i < entries.length; i++) {
            Allocation entry = entries[i];
            // Entries of projects that are gone, or sort before this one, are skipped.
            while (last < lastEntries.length && lastEntries[last] != entry
                    && lastEntries[last].project().compareTo(entry.project()) < 0) {
                last++;
            }
            if (last < lastEntries.length && lastEntries[last] == entry) {
                inOrder[i] = lastBytes[last++];
            } else {
                changedAt[changed.size()] = i;
                changed.add(entry);
            }
        }
        List<byte[]> encoded = RegistryJson.entries(changed);
        for (int j = 0; j < changed.size(); j++) {
            inOrder[changedAt[j]] = encoded.get(j);
        }
        byte[] file = concatenate(RegistryJson.header(registry), inOrder);
        remember(entries, inOrder);
        return file;
    }

    private void remember(Allocation[] entries, byte[][] bytes) {
        lastEntries = entries;
        lastBytes = bytes;
    }

    /** Header, the entries with a comma between each two, tail: one exact array (no stream's synchronized writes). */
    private static byte[] concatenate(byte[] header, byte[][] entries) {
        int size = header.length + (entries.length - 1) + RegistryJson.TAIL.length;
        for (byte[] entry : entries) {
            size += entry.length;
        }
        byte[] file = new byte[size];
        int at = append(header, file, 0);
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) {
                file[at++] = ',';
            }
            at = append(entries[i], file, at);
        }
        append(RegistryJson.TAIL, file, at);
        return file;
    }

    private static int append(byte[] piece, byte[] file, int at) {
        System.arraycopy(piece, 0, file, at, piece.length);
        return at + piece.length;
    }
}
