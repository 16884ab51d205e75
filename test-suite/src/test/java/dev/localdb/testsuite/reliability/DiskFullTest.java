package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (a 64 KiB tmpfs as LOCALDB_HOME, filled up): a change fails with one clear line and
 * exit code 4, the registry stays byte for byte what it was, no temp file is left, reads still
 * work, and once there is room again the next change succeeds.
 */
class DiskFullTest {
    @TempDir
    Path mountPoint;

    @Test
    void aChangeOnAFullDiskFailsClearlyAndLeavesTheRegistryByteIdentical() throws Exception {
        try (Tmpfs disk = Tmpfs.mountOrSkip(mountPoint, "64k")) {
            Path home = disk.dir();
            LocalDbRunner localdb = new LocalDbRunner(home);
            int web = localdb.run("port", "web").port();
            byte[] before = Files.readAllBytes(RegistryFile.path(home));
            Path filler = fill(home.resolve("filler"));

            Result allocate = localdb.run("port", "api");
            Result release = localdb.run("release", "web");

            for (Result failed : new Result[] {allocate, release}) {
                assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
                assertThat(failed.out()).isEmpty();
                assertThat(failed.err()).as(failed.toString())
                        .startsWith("error: Cannot write registry " + RegistryFile.path(home))
                        .contains("No space left on device")
                        .hasLineCount(1);
                NoStackTrace.in(failed.err());
            }
            assertThat(Files.readAllBytes(RegistryFile.path(home))).as("the registry, byte for byte").isEqualTo(before);
            assertThat(RegistryCheck.tempFiles(home)).as("temp files of the failed writes").isEmpty();
            Result look = localdb.run("ports");
            assertThat(look.exitCode()).as(look.toString()).isZero();
            assertThat(look.out()).containsPattern("web\\s+" + web + "\\s+reserved");

            Files.delete(filler);
            assertThat(localdb.run("port", "api").exitCode()).as("with room again").isZero();
            assertThat(RegistryCheck.readWithoutWarnings(home).size()).isEqualTo(2);
            Figures.record("DiskFullTest", "64 KiB tmpfs filled: port and release exit 4 with one line (No space left on device),"
                    + " registry byte-identical (" + before.length + " bytes), no temp file left; works again once space is freed");
        }
    }

    /** Writes until the file system says it is full. */
    private static Path fill(Path filler) throws IOException {
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }
}
