package dev.localdb.cli.command;

import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectLifecycle;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Foreground mode: this process holds the project's port (and its named ports, in PORT_<NAME>)
 * while the command runs with PORT set,
 * and releases it when the command ends (also on Ctrl-C, which reaches the command directly
 * because it shares the terminal's process group).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a command in the foreground with the project's port in PORT; release the port when it exits.")
public final class RunCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    NoColorOption color;

    @Parameters(index = "0", paramLabel = "<project>", description = "Project name.")
    String project;

    @Parameters(index = "1..*", paramLabel = "<command>", description = "The command and its arguments (put them after --).")
    List<String> command;

    RunCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        ProjectName name = ProjectName.of(project);
        if (command == null || command.isEmpty()) {
            throw new InvalidInputException("Give the command to run after --, e.g. 'localdb run " + name + " -- npm run dev'.");
        }
        ProjectLifecycle lifecycle = wiring.lifecycle();
        Allocation ports = lifecycle.allocateForeground(name, Optional.empty()).allocation();
        ProcessIdentity self = wiring.inspector().current();
        Thread releaseOnSignal = new Thread(() -> lifecycle.finishForeground(name, self), "localdb-release");
        Runtime.getRuntime().addShutdownHook(releaseOnSignal);
        try {
            Process child = start(name, ports);
            int code = child.waitFor();
            lifecycle.finishForeground(name, self);
            return code;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(releaseOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and releases the port
            }
        }
    }

    private Process start(ProjectName name, Allocation ports) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(wiring.env());
        builder.environment().put("PORT", ports.port().toString());
        ports.namedPorts().forEach((portName, port) -> builder.environment().put(portName.environmentVariable(), port.toString()));
        builder.environment().put("LOCALDB_PROJECT", name.value());
        try {
            return builder.start();
        } catch (IOException e) {
            wiring.lifecycle().finishForeground(name, wiring.inspector().current());
            throw new InvalidInputException("Cannot run " + Printable.of(command.get(0)) + ": " + e.getMessage() + ".");
        }
    }
}
