package dev.localdb.testsuite.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A small tmpfs mounted for one test (needs root or CAP_SYS_ADMIN); unmounted on close. */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts it, or skips the calling test with the reason when this machine does not let us. */
    static Tmpfs mountOrSkip(Path dir, String size) throws Exception {
        Outcome mount = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        Assumptions.assumeTrue(mount.code() == 0,
                () -> "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN, e.g. a privileged container): " + mount.output().trim());
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        Outcome umount = run("umount", dir.toString());
        if (umount.code() != 0) {
            // Something still has a file open there (a process the test failed to end): detach it anyway.
            Outcome lazy = run("umount", "-l", dir.toString());
            if (lazy.code() != 0) {
                throw new AssertionError("cannot unmount the test's tmpfs at " + dir + ": " + umount.output() + lazy.output());
            }
        }
    }

    private record Outcome(int code, String output) {
    }

    private static Outcome run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                return new Outcome(-1, String.join(" ", command) + " did not finish");
            }
            return new Outcome(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        } finally {
            process.destroyForcibly();
        }
    }
}
