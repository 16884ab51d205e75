package dev.localdb.testsuite.reliability;

import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Run in a child process: enters a registry transaction through the real store, says "holding",
 * and stays inside the critical section until it reads "go"; then adds its own reservation,
 * writes it and says "done". Arguments: runtime directory, project, port.
 */
public final class HoldLockMain {
    private HoldLockMain() {
    }

    public static void main(String[] args) {
        JsonFileRegistryStore store = new JsonFileRegistryStore(Path.of(args[0]), Duration.ofMinutes(2), System.err::println);
        Allocation own = Allocation.held(ProjectName.of(args[1]), PortNumber.of(Integer.parseInt(args[2])), Optional.empty(), Instant.now());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        store.update(current -> {
            System.out.println("holding");
            System.out.flush();
            try {
                // The test's stdin stays open while it wants the lock held; EOF (test gone) lets go without a change.
                return "go".equals(in.readLine()) ? new Outcome<>(current.with(own), null) : new Outcome<>(current, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("done");
        System.out.flush();
    }
}
