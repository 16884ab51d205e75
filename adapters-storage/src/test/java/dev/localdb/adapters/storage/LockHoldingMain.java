package dev.localdb.adapters.storage;

import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.file.Path;

/** Run in a child process: takes the registry lock through the real store and keeps it until killed. */
public final class LockHoldingMain {
    private LockHoldingMain() {
    }

    public static void main(String[] args) {
        JsonFileRegistryStore store = new JsonFileRegistryStore(Path.of(args[0]), System.err::println);
        store.update(current -> {
            System.out.println("holding");
            System.out.flush();
            try {
                // Bounded, so that even an orphaned child stops by itself.
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Outcome<>(current, null);
        });
    }
}
