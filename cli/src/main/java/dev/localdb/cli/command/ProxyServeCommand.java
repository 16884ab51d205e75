package dev.localdb.cli.command;

import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.cli.proxy.LifecycleStarter;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.project.StartOptions;
import dev.localdb.proxy.ProxyConfig;
import dev.localdb.proxy.ProxyServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * Runs the name proxy in the foreground until SIGTERM or SIGINT; {@code localdb proxy start}
 * launches it detached. It says who it is in {@code runtime/proxy.json} once it listens, and
 * removes that file when it stops.
 */
@Command(name = "serve", hidden = true, description = "Run the name proxy in the foreground (used by 'proxy start').")
public final class ProxyServeCommand implements Callable<Integer> {
    /** Allocation and launch before the readiness wait begins. */
    private static final Duration START_MARGIN = Duration.ofSeconds(5);

    private final Wiring wiring;

    ProxyServeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        Configuration.Proxy settings = wiring.configuration().proxy();
        ProxyFiles files = wiring.proxyFiles();
        // An on-demand start waits as long as 'localdb start' does by default; the request is held a little
        // longer, so that a server that is not ready in time gets the start's own reason (502, with its log),
        // not a bare 504.
        StartOptions startOptions = StartOptions.defaults();
        ProxyConfig config = new ProxyConfig(settings.httpPort(), settings.httpsPort(), files.caDirectory(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), startOptions.readyTimeout().plus(START_MARGIN));
        // Built here, before any request: starts of two projects run on two starter threads at once.
        LifecycleStarter starter = new LifecycleStarter(wiring.lifecycle(), startOptions, settings.idleStop(), ProxyServeCommand::log);
        ProxyServer server;
        try {
            server = ProxyServer.start(config, wiring.proxyRoutes(), starter);
        } catch (RuntimeException e) {
            throw new InvalidInputException("The proxy cannot listen on ports " + settings.httpPort() + " and " + settings.httpsPort()
                    + ": " + e.getMessage() + "; free them, or set proxy.httpPort / proxy.httpsPort (docs/PROXY.md).");
        }
        ProcessIdentity self = wiring.inspector().current();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            starter.close();
            files.deleteState(self);
            stopped.countDown();
        }, "proxy-stop"));
        files.writeState(new ProxyFiles.ProxyState(self, server.httpPort(), server.httpsPort(),
                Optional.ofNullable(server.caCertificate())));
        System.out.println("localdb proxy (PID " + self.pid() + ") on http://127.0.0.1:" + server.httpPort());
        System.out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    /** A line in runtime/proxy.log, which is this process's output. */
    private static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
