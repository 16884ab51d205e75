package dev.localdb.adapters.os;

import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.model.PortRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The range the kernel picks outgoing (ephemeral) ports from. A server listening on a port in it
 * can collide with any outgoing connection at any moment, so localdb never hands one out.
 */
public final class EphemeralPortRange {
    /** Linux: two numbers separated by whitespace, e.g. "32768\t60999". */
    private static final Path LINUX_FILE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** The real file is a dozen bytes; anything much longer is not that file. */
    private static final int MAX_BYTES = 256;

    private EphemeralPortRange() {
    }

    /** The running system's range; empty when it cannot be read (not Linux, no /proc, odd content). */
    public static Optional<PortRange> read() {
        return read(LINUX_FILE);
    }

    /** Reads a file in the {@code ip_local_port_range} format; empty when unreadable or malformed. */
    static Optional<PortRange> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        // Not Files.readString: /proc files report size 0, and a read sized by it stops early.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? Optional.empty() : parse(new String(bytes, StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static Optional<PortRange> parse(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(PortRange.of(Integer.parseInt(fields[0]), Integer.parseInt(fields[1])));
        } catch (NumberFormatException | LocalDbException e) {
            // Out of 1-65535 or first above last: not a range we can trust.
            return Optional.empty();
        }
    }
}
