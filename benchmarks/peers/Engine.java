import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.RegistryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The adapters the CLI's composition root (dev.localdb.cli.Wiring) picks, on one LOCALDB_HOME:
 * the JSON registry with its lock and durable writes, the socket probe, the /proc inspector.
 */
record Engine(RegistryStore store, ProcFsProcessInspector inspector, PortAllocator allocator) {

    static Engine on(Path home, AllocationSettings settings) {
        return on(home, settings, JsonFileRegistryStore.DEFAULT_LOCK_TIMEOUT);
    }

    static Engine on(Path home, AllocationSettings settings, Duration lockTimeout) {
        RegistryStore store = new JsonFileRegistryStore(new LocalDbHome(home).runtime(), lockTimeout,
                warning -> System.err.println("warning: " + warning));
        ProcFsProcessInspector inspector = new ProcFsProcessInspector();
        return new Engine(store, inspector, new PortAllocator(store, new SocketPortProbe(), inspector, Clock.systemUTC(), settings));
    }

    /** What `localdb port <project>` does: a reservation without an owner process. */
    int reserve(ProjectName project) {
        return allocator.allocate(AllocationRequest.reservation(project)).allocation().port().value();
    }
}
