package dev.localdb.adapters.storage;

import static dev.localdb.adapters.storage.GuardedFile.REGISTRY;
import static dev.localdb.adapters.storage.StorageErrors.io;

import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RunningServers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a change does with a registry it cannot read: keeps the file under another name (with its
 * 0600) and puts in its place what the running servers prove, so running projects keep their
 * ports. Everything runs under the registry lock.
 */
final class DamagedRegistry {
    private DamagedRegistry() {
    }

    static Registry setAsideAndRebuild(RegistryFiles files, String reason, RunningServers runningServers, Consumer<String> warn) {
        // Asked before anything moves: should it fail, the damaged file stays for the next change to find.
        Registry rebuilt = runningServers.registry();
        Path kept = io(REGISTRY, "set aside damaged registry", files.data(), () -> RegistryWrites.moveAside(files, Instant.now()));
        if (rebuilt.size() > 0) {
            // Written at once: a change that turns out to change nothing would not write it, and with
            // the damaged file gone the next change would have nothing left to rebuild from.
            byte[] content = RegistryJson.encode(rebuilt);
            io(REGISTRY, "write registry", files.data(), () -> {
                RegistryWrites.replace(files, content);
                return null;
            });
        }
        warn.accept("Registry " + files.data() + " was damaged (" + reason + "); kept it as " + kept + outcome(rebuilt, runningServers));
        return rebuilt;
    }

    private static String outcome(Registry rebuilt, RunningServers runningServers) {
        if (runningServers == RunningServers.NONE) {
            return " and started a fresh one.";
        }
        int count = rebuilt.size();
        if (count == 0) {
            return " and started a fresh one; no running server was found to rebuild it from.";
        }
        String names = rebuilt.list().stream().map(a -> a.project() + " " + a.port()).collect(Collectors.joining(", "));
        return " and rebuilt it from the running servers: " + count + (count == 1 ? " running project keeps its port (" : " running projects keep their ports (")
                + names + ").";
    }
}
