package dev.localdb.testsuite.support;

import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Finds a block of consecutive ports that nothing listens on, below the Linux ephemeral range
 * (32768 and up), so outgoing connections of other programs never land in a test's ports. The
 * start is random so that test runs on the same machine rarely pick the same block.
 */
public final class QuietPorts {
    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32767;

    private QuietPorts() {
    }

    /** The first port of {@code size} consecutive ports that are all free right now. */
    public static int block(int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int start = random.nextInt(LOWEST, HIGHEST - size + 1);
            if (IntStream.range(start, start + size).allMatch(QuietPorts::bindable)) {
                return start;
            }
        }
        throw new AssertionError("no block of " + size + " free ports found between " + LOWEST + " and " + HIGHEST);
    }

    /** Whether a server could listen on the port on every address (the wildcard covers IPv4 and IPv6). */
    public static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        } catch (Exception e) {
            return false;
        }
    }
}
