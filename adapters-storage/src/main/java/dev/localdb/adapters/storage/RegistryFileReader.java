package dev.localdb.adapters.storage;

import static dev.localdb.adapters.storage.GuardedFile.REGISTRY;
import static dev.localdb.adapters.storage.StorageErrors.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        try (InputStream in = Files.newInputStream(data, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(RegistryJson.MAX_BYTES + 1);
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

    private static CorruptRegistryException tooLarge() {
        return new CorruptRegistryException("it is larger than 1 MiB");
    }
}
