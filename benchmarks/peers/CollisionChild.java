import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.cli.Settings;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.error.RegistryBusyException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code child} mode of the collision test (protocol in the peer harness's README). Every
 * child of a run shares {@code $LOCALDB_HOME}, so the registry lock is what keeps K simultaneous
 * processes apart. Each child is a project of its own, {@code peer-child-<pid>}, owned by the
 * child itself as a server started by localdb is. The child exits without releasing, like a
 * server that was killed: its entry turns stale (the owner is gone) and its port stays
 * remembered, so no later child of the same round is handed it again, even when the round's
 * allocations take longer than the 2 s hold. (Releasing at exit would queue K more registry
 * transactions behind each other after the hold, and bench.py gives each exit only 30 s.)
 *
 * <p>Cold by default: before the barrier the child only builds the adapters, so the measured
 * allocation includes loading and linking the code it runs, as in a fresh `localdb port` process
 * (and as in JavaScan). {@code LOCALDB_PEER_WARM=1} first runs the same allocation in a private
 * throwaway home, the counterpart of a node child that imported its library.
 */
final class CollisionChild {
    private static final String PREFIX = "peer-child-";
    private static final int FIRST_PORT = 3000;
    private static final int LAST_PORT = 9999;
    private static final Duration SWEEP_LOCK_TIMEOUT = Duration.ofSeconds(1);

    private CollisionChild() {
    }

    static void run() throws Exception {
        Engine engine = Engine.on(sharedHome(), AllocationSettings.defaults(), Settings.from(System.getenv()).lockTimeout());
        ProjectName project = ProjectName.of(PREFIX + ProcessHandle.current().pid());
        ProcessIdentity me = engine.inspector().current();
        if ("1".equals(System.getenv("LOCALDB_PEER_WARM"))) {
            warmUp();
        }
        Instant ready = Instant.now();
        System.out.println("R " + epochMs(ready));
        System.out.flush();
        if (System.in.read() != 'G') {
            System.exit(3); // EOF: the orchestrator went away
        }
        double tGo = epochMs(Instant.now());
        int port = -1;
        String error = null;
        try {
            port = engine.allocator().allocate(new AllocationRequest(project, Optional.empty(), Optional.of(me)))
                    .allocation().port().value();
        } catch (RuntimeException e) {
            error = "ERR:" + e.getClass().getSimpleName(); // bench.py counts it with the bind failures
            System.err.println("localdb child " + me.pid() + ": " + e.getMessage());
        }
        double tPort = epochMs(Instant.now());
        try {
            Thread.sleep(200);
            ServerSocket held = null;
            String bind = error;
            if (bind == null && (port < FIRST_PORT || port > LAST_PORT)) {
                bind = "out_of_range";
            } else if (bind == null) {
                try {
                    held = new ServerSocket(port); // [::]:port, dual-stack, + listen: exactly like JavaScan
                    bind = "ok";
                } catch (IOException e) {
                    String message = String.valueOf(e.getMessage());
                    bind = message.contains("in use") ? "EADDRINUSE" : "ERR:" + message.replaceAll("[^A-Za-z0-9 ._:-]", "_");
                }
            }
            System.out.println("{\"port\":" + port + ",\"t_go\":" + tGo + ",\"t_port\":" + tPort + ",\"bind\":\"" + bind + "\"}");
            System.out.flush();
            if (held != null) {
                Thread.sleep(2000);
                held.close();
            }
        } finally {
            if (!"0".equals(System.getenv("LOCALDB_PEER_FORGET"))) {
                forgetEarlierRounds(ready);
            }
        }
    }

    /** The home every child shares; never ~/.localdb, which belongs to the user. */
    private static Path sharedHome() {
        String shared = System.getenv(LocalDbHome.ENV);
        if (shared == null || shared.isBlank() || !Path.of(shared).isAbsolute()) {
            System.err.println("child mode needs LOCALDB_HOME=<absolute path>, one home shared by every child of the run");
            System.exit(2);
        }
        return Path.of(shared);
    }

    /**
     * Housekeeping outside the measured window, after the hold: drops the entries of the children
     * of earlier rounds, so that round n does not scan past those of rounds 1..n-2 (no peer
     * remembers anything). Only entries whose owner is gone (or that were released) and that were
     * allocated before this child was ready, i.e. in an earlier round, all of whose children have
     * exited. Best effort with a short lock timeout: any child of a later round finishes the job.
     * No product command forgets a project's port, hence the raw registry transaction.
     */
    private static void forgetEarlierRounds(Instant ready) {
        Engine engine = Engine.on(sharedHome(), AllocationSettings.defaults(), SWEEP_LOCK_TIMEOUT);
        Predicate<Allocation> earlier = a -> a.project().value().startsWith(PREFIX) && a.allocatedAt().isBefore(ready)
                && a.owner().map(owner -> !engine.inspector().isAlive(owner)).orElse(true);
        try {
            if (engine.store().read().list().stream().noneMatch(earlier)) {
                return; // another child did it already: no lock, no write
            }
            engine.store().update(current -> {
                Registry next = current;
                for (Allocation allocation : current.list()) {
                    if (earlier.test(allocation)) {
                        next = next.without(allocation.project());
                    }
                }
                return new Outcome<>(next, null);
            });
        } catch (RegistryBusyException busy) {
            // Left for a child of a later round.
        }
    }

    /** Loads and links the allocation path (read, parse, probe, encode, durable write) away from the shared home. */
    private static void warmUp() throws IOException {
        Path scratch = TempHomes.create("localdb-peer-warm-");
        try {
            // Far from the ports the round uses, so the warm-up probe never meets a real bind.
            Engine warm = Engine.on(scratch, AllocationSettings.defaults().withRanges(List.of(PortRange.of(9900, 9999))));
            ProjectName project = ProjectName.of("warm-up");
            warm.reserve(project); // creates the registry: lock, probe, encode, durable write
            warm.reserve(project); // reads it back: parse (the port is held, so nothing is written)
        } finally {
            TempHomes.delete(scratch);
        }
    }

    private static double epochMs(Instant instant) {
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }
}
