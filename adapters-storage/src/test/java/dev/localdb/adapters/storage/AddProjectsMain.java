package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Run in a child process: adds {@code count} projects, one transaction each, after the word "go" on stdin. */
public final class AddProjectsMain {
    private AddProjectsMain() {
    }

    public static void main(String[] args) throws Exception {
        JsonFileRegistryStore store = new JsonFileRegistryStore(Path.of(args[0]), Duration.ofSeconds(60), System.err::println);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        int firstPort = Integer.parseInt(args[3]);
        store.read(); // warm up outside the race
        System.out.println("ready");
        System.out.flush();
        if (!"go".equals(new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine())) {
            return;
        }
        for (int i = 0; i < count; i++) {
            Allocation own = Allocation.held(ProjectName.of(prefix + i), PortNumber.of(firstPort + i), Optional.empty(), Instant.now());
            store.update(current -> new Outcome<>(current.with(own), null));
        }
        System.out.println("done");
        System.out.flush();
    }
}
