package dev.localdb.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The embedded LocalDB server of one project: a JSON document store and an overview page over
 * HTTP, on loopback only. {@code server.json} exists exactly while it listens.
 *
 * <pre>
 * try (LocalDbServer server = new LocalDbServer(config)) {
 *     server.start();          // binds, then writes server.json
 *     ...
 * }                            // stop(DEFAULT_GRACE): finishes requests, deletes server.json
 * </pre>
 */
public final class LocalDbServer implements AutoCloseable {
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    /**
     * JVM options for the process that runs the server (put them before {@code -cp}). With them an
     * idle server stays well under 64 MiB resident (measured: about 57 MiB on Linux, Java 17); the
     * JVM defaults give about 76 MiB. A burst of large documents grows the heap up to -Xmx, and the
     * JVM keeps it. Running out of memory ends the process, so a broken server looks crashed
     * instead of hanging.
     */
    public static final List<String> RECOMMENDED_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms8m", "-Xmx32m", "-Xss256k", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");
    private static final System.Logger LOG = System.getLogger(LocalDbServer.class.getName());

    private enum Phase { NEW, RUNNING, STOPPED }

    /** Why {@link #runUntilSignalled} returned. */
    public enum StopCause {
        /** SIGTERM or SIGINT, e.g. from {@code localdb stop}, which then releases the port itself. */
        SIGNAL,
        /** The user pressed Stop for this very project on its dashboard: the caller releases the port. */
        DASHBOARD
    }

    private final ServerConfig config;
    private final long pid = ProcessHandle.current().pid();
    private final InFlightRequests inFlight = new InFlightRequests();
    private Phase phase = Phase.NEW;
    // Read without the lock, so that asking for the port never waits for a stop in progress.
    private volatile List<HttpServer> listeners = List.of();
    private volatile List<InetSocketAddress> boundAddresses = List.of();
    private volatile ServerIdentity identity;
    private ThreadPoolExecutor workers;
    private final DashboardAccess access = DashboardAccess.generate(Clock.systemUTC());
    private volatile boolean stoppedFromDashboard;
    /** What the dashboard's Stop for this project does; runUntilSignalled makes it end its wait. */
    private Runnable stopRequest = () -> new Thread(() -> stop(DEFAULT_GRACE), "localdb-dashboard-stop").start();

    public LocalDbServer(ServerConfig config) {
        this.config = config;
    }

    /**
     * Binds every configured address, starts answering, then writes server.json.
     *
     * @throws ServerStartException if an address cannot be bound or a file cannot be written
     * @throws IllegalStateException if called twice
     */
    public synchronized void start() {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("A LocalDbServer starts once; create a new one to start again.");
        }
        DocumentStore store;
        try {
            store = DocumentStore.open(config.dataDir());
        } catch (IOException e) {
            throw new ServerStartException("Cannot use the data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
        listeners = LoopbackListeners.bind(config.bindAddresses(), config.port());
        boundAddresses = listeners.stream().map(HttpServer::getAddress).toList();
        identity = new ServerIdentity(config.project(), listeners.get(0).getAddress().getPort(), pid, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        workers = WorkerThreads.create();
        DashboardApi dashboard = new DashboardApi(identity, config.overview(), config.control(), access, () -> {
            stoppedFromDashboard = true;
            stopRequest.run();
        });
        RequestDispatcher dispatcher = new RequestDispatcher(inFlight, new HealthRoute(identity),
                new OverviewPage(identity, store, config.overview()), new DocumentsApi(store), dashboard, config.proxyPorts());
        for (HttpServer listener : listeners) {
            listener.setExecutor(workers);
            listener.createContext("/", dispatcher);
            listener.start();
        }
        phase = Phase.RUNNING;
        try {
            ServerInfoFile.write(config.serverInfoFile(), pid, identity.port(), identity.startedAt(), access.secretText());
        } catch (IOException e) {
            stop(Duration.ZERO);
            throw new ServerStartException("Cannot write " + config.serverInfoFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops accepting requests (new ones get 503), waits up to {@code grace} for those in flight,
     * closes the listeners and deletes server.json. Safe to call more than once, or before start.
     */
    public synchronized void stop(Duration grace) {
        if (phase != Phase.RUNNING) {
            phase = Phase.STOPPED;
            return;
        }
        phase = Phase.STOPPED;
        inFlight.refuseNew();
        if (!inFlight.awaitIdle(grace)) {
            LOG.log(Level.WARNING, "Stopping with {0} request(s) still running after {1}", inFlight.count(), grace);
        }
        LoopbackListeners.closeAll(listeners);
        workers.shutdownNow();
        try {
            ServerInfoFile.deleteIfOwnedBy(config.serverInfoFile(), pid);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete {0}: {1}", config.serverInfoFile(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /** The port every listener is bound to (the one the system chose, when configured with 0). */
    public int port() {
        requireStarted();
        return identity.port();
    }

    /** The socket addresses actually listened on; all loopback. */
    public List<InetSocketAddress> boundAddresses() {
        requireStarted();
        return boundAddresses;
    }

    /**
     * Starts the server and blocks until SIGTERM or SIGINT, then stops gracefully and returns, so
     * the caller can exit with 0. A shutdown hook also stops it on any other orderly JVM exit.
     *
     * @throws ServerStartException if the server cannot start
     */
    public static StopCause runUntilSignalled(ServerConfig config) {
        return runUntilSignalled(config, DEFAULT_GRACE);
    }

    /**
     * As above; also returns when the dashboard's Stop is pressed for this project (after the page
     * got its answer). Then the port is still held in the registry: the caller releases it.
     */
    public static StopCause runUntilSignalled(ServerConfig config, Duration grace) {
        LocalDbServer server = new LocalDbServer(config);
        CountDownLatch stopRequested = new CountDownLatch(1);
        server.stopRequest = stopRequested::countDown;
        server.start();
        StopSignals.awaitStopRequest(stopRequested, () -> server.stop(grace));
        server.stop(grace);
        return server.stoppedFromDashboard ? StopCause.DASHBOARD : StopCause.SIGNAL;
    }

    /** For tests: requests being handled right now. */
    int requestsInFlight() {
        return inFlight.count();
    }

    private void requireStarted() {
        if (identity == null) {
            throw new IllegalStateException("The server has not been started.");
        }
    }
}
