package dev.localdb.cli.proxy;

import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.RouteSource;
import dev.localdb.domain.project.ProjectLifecycle;
import dev.localdb.domain.project.StartOptions;
import dev.localdb.proxy.ProxyConfig;
import dev.localdb.proxy.ProxyServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The name proxy in this process ({@code localdb proxy serve}, which {@link ProxyControl} starts
 * detached): it says who it is in {@code runtime/proxy.json} once it listens, and on SIGTERM or
 * SIGINT it closes and removes that file.
 */
public final class ForegroundProxy {
    /** Allocation and launch before the readiness wait begins. */
    private static final Duration START_MARGIN = Duration.ofSeconds(5);

    private final Configuration.Proxy settings;
    private final ProxyFiles files;
    private final ProjectLifecycle lifecycle;
    private final RouteSource routes;
    private final ProcessInspector inspector;

    public ForegroundProxy(Configuration.Proxy settings, ProxyFiles files, ProjectLifecycle lifecycle, RouteSource routes,
                           ProcessInspector inspector) {
        this.settings = settings;
        this.files = files;
        this.lifecycle = lifecycle;
        this.routes = routes;
        this.inspector = inspector;
    }

    /** The proxy once it listens; {@link #awaitStop} returns when the shutdown hook has closed it. */
    public static final class Listening {
        private final ProcessIdentity process;
        private final int httpPort;
        private final CountDownLatch stopped;

        private Listening(ProcessIdentity process, int httpPort, CountDownLatch stopped) {
            this.process = process;
            this.httpPort = httpPort;
            this.stopped = stopped;
        }

        public long pid() {
            return process.pid();
        }

        public int httpPort() {
            return httpPort;
        }

        public void awaitStop() throws InterruptedException {
            stopped.await();
        }
    }

    /**
     * Listens on the configured ports and records itself in {@code runtime/proxy.json}.
     *
     * @param log one line per on-demand start and idle stop (the proxy's log)
     */
    public Listening serve(Consumer<String> log) {
        // An on-demand start waits as long as 'localdb start' does by default; the request is held a little
        // longer, so that a server that is not ready in time gets the start's own reason (502, with its log),
        // not a bare 504.
        StartOptions startOptions = StartOptions.defaults();
        ProxyConfig config = new ProxyConfig(settings.httpPort(), settings.httpsPort(), files.caDirectory(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), startOptions.readyTimeout().plus(START_MARGIN));
        // Built here, before any request: starts of two projects run on two starter threads at once.
        LifecycleStarter starter = new LifecycleStarter(lifecycle, startOptions, settings.idleStop(), log);
        ProxyServer server;
        try {
            server = ProxyServer.start(config, routes, starter);
        } catch (RuntimeException e) {
            throw new InvalidInputException("The proxy cannot listen on ports " + settings.httpPort() + " and " + settings.httpsPort()
                    + ": " + e.getMessage() + "; free them, or set proxy.httpPort / proxy.httpsPort (docs/PROXY.md).");
        }
        ProcessIdentity self = inspector.current();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            starter.close();
            files.deleteState(self);
            stopped.countDown();
        }, "proxy-stop"));
        files.writeState(new ProxyFiles.ProxyState(self, server.httpPort(), server.httpsPort(),
                Optional.ofNullable(server.caCertificate())));
        return new Listening(self, server.httpPort(), stopped);
    }
}
