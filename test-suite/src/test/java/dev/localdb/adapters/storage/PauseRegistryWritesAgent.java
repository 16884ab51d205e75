package dev.localdb.adapters.storage;

import dev.localdb.files.Checkpoint;
import java.util.Locale;

/**
 * TEST ONLY, loaded into a real {@code bin/localdb} with {@code -javaagent:<jar>=written|synced|renamed}:
 * stops every registry write at that step (announced on stderr) so that a crash test can kill the
 * process exactly there. It lives in the storage adapter's package because the seam it uses,
 * {@link RegistryWrites#stopAt}, is package-private: production code reads no property for it.
 * Bounded, so a test that forgets the process cannot leave it forever.
 */
public final class PauseRegistryWritesAgent {
    public static final String MARKER = "localdb-test: paused at ";

    private PauseRegistryWritesAgent() {
    }

    public static void premain(String step) {
        Checkpoint.Step at = Checkpoint.Step.valueOf(step.toUpperCase(Locale.ROOT));
        RegistryWrites.stopAt(reached -> {
            if (reached == at) {
                System.err.println(MARKER + step);
                System.err.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }
}
