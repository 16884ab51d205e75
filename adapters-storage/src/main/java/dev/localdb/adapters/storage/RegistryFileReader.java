package dev.localdb.adapters.storage;

import static dev.localdb.adapters.storage.GuardedFile.REGISTRY;
import static dev.localdb.adapters.storage.StorageErrors.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/** Reads the registry file without following links, refusing files too large to be a registry. */
final class RegistryFileReader {
    private RegistryFileReader() {
    }

    /** Empty when there is no registry yet. */
    static Optional<RegistryParser.Parsed> load(Path data) throws CorruptRegistryException {
        Optional<byte[]> bytes = read(data);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(RegistryParser.parse(bytes.get()));
    }

    /** The file's bytes, after the same checks; empty when there is no registry yet. */
    static Optional<byte[]> read(Path data) throws CorruptRegistryException {
        Optional<FileFacts> facts = io(REGISTRY, "inspect registry", data, () -> FileFacts.of(data));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        FileSafety.requireSafeFile(REGISTRY, "Registry " + data, facts.get());
        // Checked before reading: a huge file is damage, not something to load into memory.
        if (facts.get().size() > RegistryJson.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (FileChannel in = FileChannel.open(data, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = readAll(in, (int) facts.get().size());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw StorageErrors.unusable(REGISTRY, "read registry", data, e);
        }
        if (bytes.length > RegistryJson.MAX_BYTES) {
            throw tooLarge();
        }
        return Optional.of(bytes);
    }

    /**
     * Everything up to the end, at most one byte over the limit, into an array of the size the
     * file had when inspected: one read and no copy when it is still that size (a stream's
     * readNBytes read a 5,000-entry file in 8 KiB pieces and copied them twice; docs/BENCHMARKS.md,
     * issue #15). A file that has grown since, when read without the lock, is read on.
     */
    static byte[] readAll(FileChannel in, int expected) throws IOException {
        byte[] bytes = new byte[expected];
        int filled = fill(in, bytes, 0);
        ByteBuffer probe = ByteBuffer.allocate(1);
        while (filled == bytes.length && bytes.length <= RegistryJson.MAX_BYTES && in.read(probe) > 0) {
            bytes = Arrays.copyOf(bytes, Math.min(RegistryJson.MAX_BYTES + 1, Math.max(2 * bytes.length, 4096)));
            bytes[filled++] = probe.get(0);
            probe.clear();
            filled = fill(in, bytes, filled);
        }
        return filled == bytes.length ? bytes : Arrays.copyOf(bytes, filled);
    }

    /** Reads into {@code bytes} from {@code at} until it is full or the file ends; how far it is filled. */
    private static int fill(FileChannel in, byte[] bytes, int at) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, at, bytes.length - at);
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
            // a read may stop short of the end; read on
        }
        return buffer.position();
    }

    private static CorruptRegistryException tooLarge() {
        return new CorruptRegistryException("it is larger than 1 MiB");
    }
}
