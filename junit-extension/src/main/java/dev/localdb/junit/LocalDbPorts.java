package dev.localdb.junit;

import dev.localdb.adapters.os.EphemeralPortRange;
import dev.localdb.adapters.os.HostPlatform;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.adapters.storage.RunningServerFiles;
import dev.localdb.adapters.storage.config.ConfigLoader;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
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
 * next JVM using the extension forgets. Unless a test names its ranges, the settings are the cli's
 * own ({@link ConfigLoader}: LOCALDB_* variables, then the home's config.json, then the defaults),
 * read at every reservation, so a test gets a port from the ranges {@code localdb start} would use.
 */
final class LocalDbPorts {
    /*
     * Keyed by the home's folder, not by the LocalDbHome record: a record's generated hashCode
     * bootstraps java.lang.runtime.ObjectMethods, about 10 ms of a test JVM's first reservation
     * (docs/BENCHMARKS.md, issue #15). For the same reason no map is keyed by AllocationSettings.
     */
    private static final Map<Path, LocalDbPorts> BY_HOME = new ConcurrentHashMap<>();

    private final RegistryStore store;
    private final PortProbe probe;
    private final ProcessInspector inspector;
    private final ProcessIdentity self;
    private final LocalDbHome home;
    private volatile boolean leftoversForgotten;

    private LocalDbPorts(LocalDbHome home) {
        this.home = home;
        // The same adapters as the cli's (LOCALDB_PLATFORM included): both write owners into one registry.
        HostPlatform platform = HostPlatform.forThisHost(System.getenv());
        this.inspector = platform.inspector();
        this.probe = new SocketPortProbe();
        this.self = inspector.current();
        // Like the cli: a damaged registry is rebuilt from the running servers, never taken as empty.
        this.store = new JsonFileRegistryStore(home.runtime(), JsonFileRegistryStore.DEFAULT_LOCK_TIMEOUT,
                LocalDbPorts::warn, new RunningServerFiles(home.projects(), inspector, platform.portListeners()));
    }

    static LocalDbPorts at(LocalDbHome home) {
        return BY_HOME.computeIfAbsent(home.root(), root -> new LocalDbPorts(home));
    }

    /**
     * A port of the ranges (else of the cli's ranges), held in the registry by this JVM under a
     * name no one else uses. The cli's exclusions apply either way: nothing from the range the OS
     * picks outgoing ports from (another program's connection could take it before the test
     * binds), the user's excluded ports, the proxy's ports and the built-in troublemakers.
     */
    Reservation reserve(Optional<List<PortRange>> ranges) {
        forgetLeftoversOnce();
        AllocationSettings cli = settings(home);
        ProjectName name = ReservationNames.next(self.pid());
        PortNumber port = allocator(ranges.map(cli::withRanges).orElse(cli))
                .allocate(new AllocationRequest(name, Optional.empty(), Optional.of(self)))
                .allocation().port();
        return new Reservation(name, port, this);
    }

    /** Removes the entry, so test runs leave nothing behind; false if it was no longer ours. */
    boolean release(Reservation reservation) {
        return allocator(AllocationSettings.defaults()).forgetIfOwnedBy(reservation.name(), self);
    }

    /** Once per home and JVM: the entries crashed test JVMs left (stale or released) go away. */
    private void forgetLeftoversOnce() {
        if (!leftoversForgotten) {
            synchronized (this) {
                if (!leftoversForgotten) {
                    allocator(AllocationSettings.defaults()).forgetUnheld(ReservationNames::isReservation);
                    leftoversForgotten = true;
                }
            }
        }
    }

    /** What the cli would allocate with for this home in this environment. */
    static AllocationSettings settings(LocalDbHome home) {
        return ConfigLoader.load(System.getenv(), home.configFile(), EphemeralPortRange.read()).allocation();
    }

    /** A few fields and the standard strategy list: cheaper to build per call than to look up by settings. */
    private PortAllocator allocator(AllocationSettings settings) {
        return new PortAllocator(store, probe, inspector, Clock.systemUTC(), settings);
    }

    private static void warn(String message) {
        System.err.println("localdb: warning: " + message);
    }
}
