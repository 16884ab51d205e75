package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.server.LocalDbServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the embedded LocalDB server in the foreground on {@code $PORT}. {@code localdb start}
 * launches it; it is hidden from the help because people use {@code start}.
 */
@Command(name = "serve", hidden = true, description = "Run the embedded LocalDB server for a project on $PORT (used by 'start').")
public final class ServeCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    ServeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        String portText = wiring.env().get("PORT");
        if (portText == null) {
            throw new InvalidInputException("PORT is not set: 'localdb start " + name + "' sets it; to run by hand use 'PORT=3000 localdb serve " + name + "'.");
        }
        PortNumber port = PortNumber.parse(portText);
        if (LocalDbServer.runUntilSignalled(wiring.embeddedServer(name, port)) == LocalDbServer.StopCause.DASHBOARD) {
            // Stopped from its own dashboard: no `localdb stop` is waiting to release the port, so
            // release it here, as `localdb run` does when its command ends.
            wiring.lifecycle().finishForeground(name, wiring.inspector().current());
        }
        return ExitCode.OK;
    }
}
