package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.proxy.ForegroundProxy;
import java.util.concurrent.Callable;
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
        ForegroundProxy.Listening proxy = wiring.foregroundProxy().serve(ProxyServeCommand::log);
        log("localdb proxy (PID " + proxy.pid() + ") on http://127.0.0.1:" + proxy.httpPort());
        proxy.awaitStop();
        return ExitCode.OK;
    }

    /** A line in runtime/proxy.log, which is this process's output. */
    private static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
