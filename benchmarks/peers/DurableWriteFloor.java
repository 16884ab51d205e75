import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * What the disk allows, for comparison with an allocation measured in the same loop: the steps of
 * one durable registry write without localdb (write a small file, fsync it, rename it over the
 * previous one, fsync the directory). No durable allocation can be faster than this.
 */
final class DurableWriteFloor {
    private static final byte[] CONTENT = new byte[300]; // about the size of a one-entry registry

    private DurableWriteFloor() {
    }

    /** One durable replace in {@code dir}, in microseconds. */
    static double once(Path dir) throws IOException {
        Path temp = dir.resolve("floor.tmp");
        Path target = dir.resolve("floor.json");
        long t0 = System.nanoTime();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(CONTENT));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
        return (System.nanoTime() - t0) / 1000.0;
    }
}
