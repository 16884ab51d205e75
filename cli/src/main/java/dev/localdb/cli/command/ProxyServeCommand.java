package dev.localdb.cli.command;

import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.config.Configuration;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProcessIdentity;
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
    private final Wiring wiring;

    ProxyServeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        Configuration.Proxy settings = wiring.configuration().proxy();
        ProxyFiles files = wiring.proxyFiles();
        ProxyConfig config = new ProxyConfig(settings.httpPort(), settings.httpsPort(), files.caDirectory(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30));
        ProxyServer server;
        try {
            server = ProxyServer.start(config, wiring.proxyRoutes(), project -> {
                throw new InvalidInputException("Project " + project + " is not running: start it with 'localdb start " + project + "'.");
            });
        } catch (RuntimeException e) {
            throw new InvalidInputException("The proxy cannot listen on ports " + settings.httpPort() + " and " + settings.httpsPort()
                    + ": " + e.getMessage() + "; free them, or set proxy.httpPort / proxy.httpsPort (docs/PROXY.md).");
        }
        ProcessIdentity self = wiring.inspector().current();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
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
}
