package dev.localdb.adapters.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Which ports an ordinary user may listen on: Linux lets anyone bind from
 * {@code net.ipv4.ip_unprivileged_port_start} (1024 unless changed) upwards, and only root below.
 */
public final class UnprivilegedPorts {
    private static final Path LINUX_FILE = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
    private static final int CLASSIC_START = 1024;

    private UnprivilegedPorts() {
    }

    /** The first port a user may bind; 1024 where the setting cannot be read (other systems). */
    public static int start() {
        return read(LINUX_FILE).orElse(CLASSIC_START);
    }

    /** Whether this process runs as root, which may bind any port. */
    public static boolean runningAsRoot() {
        return ProcessHandle.current().info().user().filter("root"::equals).isPresent();
    }

    static OptionalInt read(Path file) {
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        // Not Files.readString: /proc files report size 0.
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
            return OptionalInt.of(Integer.parseInt(text));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalInt.empty();
        }
    }
}
