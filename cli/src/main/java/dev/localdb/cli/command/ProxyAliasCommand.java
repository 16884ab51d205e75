package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Routes NAME.localhost to a port localdb does not manage (a container, a server started by hand). */
@Command(name = "alias", description = "Route NAME.localhost to a port localdb does not manage; --remove takes the name away.")
public final class ProxyAliasCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The name: NAME.localhost.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PORT", description = "Where its requests go (on 127.0.0.1).")
    String port;

    @Option(names = "--remove", description = "Remove the alias.")
    boolean remove;

    private final Wiring wiring;

    ProxyAliasCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName alias = ProjectName.of(name);
        if (remove) {
            if (port != null) {
                throw new InvalidInputException("--remove takes only the name: 'localdb proxy alias " + alias + " --remove'.");
            }
            boolean removed = wiring.proxyAliases().remove(alias);
            spec.commandLine().getOut().println(removed ? "Removed alias " + alias + ".localhost." : "No alias " + alias + ".localhost.");
            return ExitCode.OK;
        }
        if (port == null) {
            throw new InvalidInputException("Missing the port: 'localdb proxy alias " + alias + " 5432' routes " + alias
                    + ".localhost to port 5432.");
        }
        PortNumber target = PortNumber.parse(port);
        wiring.proxyAliases().add(alias, target);
        spec.commandLine().getOut().println("Alias " + alias + ".localhost → port " + target + ".");
        return ExitCode.OK;
    }
}
