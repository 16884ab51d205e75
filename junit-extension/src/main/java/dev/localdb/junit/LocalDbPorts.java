package dev.localdb.junit;

import dev.localdb.adapters.os.EphemeralPortRange;
import dev.localdb.adapters.os.HostPlatform;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.adapters.storage.RunningServerFiles;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.BuiltInExclusions;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.PortSet;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.RegistryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extension's composition root (the cli's Wiring is the other one): the same registry file,
 * probe and process inspector as the cli, so tests and localdb projects share one set of rules.
 * One instance per home and JVM. Every reservation is owned by this JVM's process identity, so a
 * JVM that dies holding ports leaves stale entries that the normal rules clean up, and that the
 * next JVM using the extension forgets.
 */
final class LocalDbPorts {
    private static final Map<Path, LocalDbPorts> BY_HOME = new ConcurrentHashMap<>();
    /**
     * The cli's rule, without its config file: nothing from the range the OS picks outgoing ports
     * from (another program's connection could take it before the test binds), and the built-in
     * troublemakers avoided. Where the OS range is unknown, the IANA dynamic range.
     */
    private static final PortSet EPHEMERAL = PortSet.of(EphemeralPortRange.read().orElse(PortRange.of(49152, 65535)));

    private final RegistryStore store;
    private final PortProbe probe;
    private final ProcessInspector inspector;
    private final ProcessIdentity self;
    private final Map<List<PortRange>, PortAllocator> allocators = new ConcurrentHashMap<>();
    private volatile boolean leftoversForgotten;

    private LocalDbPorts(Path home) {
        // The same adapters as the cli's (LOCALDB_PLATFORM included): both write owners into one registry.
        HostPlatform platform = HostPlatform.forThisHost(System.getenv());
        this.inspector = platform.inspector();
        this.probe = new SocketPortProbe();
        this.self = inspector.current();
        // Like the cli: a damaged registry is rebuilt from the running servers, never taken as empty.
        this.store = new JsonFileRegistryStore(home.resolve("runtime"), JsonFileRegistryStore.DEFAULT_LOCK_TIMEOUT,
                LocalDbPorts::warn, new RunningServerFiles(home.resolve("projects"), inspector, platform.portListeners()));
    }

    static LocalDbPorts at(Path home) {
        return BY_HOME.computeIfAbsent(home, LocalDbPorts::new);
    }

    /** A port of the ranges, held in the registry by this JVM under a name no one else uses. */
    Reservation reserve(List<PortRange> ranges) {
        forgetLeftoversOnce();
        ProjectName name = ReservationNames.next(self.pid());
        PortNumber port = allocator(ranges)
                .allocate(new AllocationRequest(name, Optional.empty(), Optional.of(self)))
                .allocation().port();
        return new Reservation(name, port, this);
    }

    /** Removes the entry, so test runs leave nothing behind; false if it was no longer ours. */
    boolean release(Reservation reservation) {
        return allocator(AllocationSettings.defaults().ranges()).forgetIfOwnedBy(reservation.name(), self);
    }

    /** Once per home and JVM: the entries crashed test JVMs left (stale or released) go away. */
    private void forgetLeftoversOnce() {
        if (!leftoversForgotten) {
            synchronized (this) {
                if (!leftoversForgotten) {
                    allocator(AllocationSettings.defaults().ranges()).forgetUnheld(ReservationNames::isReservation);
                    leftoversForgotten = true;
                }
            }
        }
    }

    private PortAllocator allocator(List<PortRange> ranges) {
        return allocators.computeIfAbsent(List.copyOf(ranges), r -> new PortAllocator(store, probe, inspector,
                Clock.systemUTC(), AllocationSettings.defaults().withRanges(r).withExclusions(EPHEMERAL, BuiltInExclusions.ports())));
    }

    private static void warn(String message) {
        System.err.println("localdb: warning: " + message);
    }
}
