package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.NamedPortsText;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Foreground mode: this process holds the project's port (and its named ports, in PORT_<NAME>)
 * while the command runs with PORT set, and releases it when the command ends, and only then
 * ({@link dev.localdb.domain.project.ForegroundRun}).
 */
@Command(name = "run", description = "Run a command in the foreground with the project's port in PORT; release the port when it exits.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project>", description = "Project name.")
    String project;

    @Parameters(index = "1..*", paramLabel = "<command>", description = "The command and its arguments (put them after --);"
            + " default: the project's own --command, in its --dir. For $PORT in the command use sh -c '... $PORT'.")
    List<String> command;

    RunCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        ProjectName name = ProjectName.of(project);
        List<String> given = command == null ? List.of() : command;
        if (!given.isEmpty()) {
            refuseAnExpandedPort(name);
        }
        var err = spec.commandLine().getErr();
        ForegroundExit exit = wiring.foregroundRun().run(name, given, ports -> {
            // The first line says which port, on stderr so that stdout stays the command's own.
            err.println("Running " + name + " on " + NamedPortsText.phrase(ports.port(), ports.namedPorts())
                    + " (in $PORT); released when the command exits.");
            err.flush();
        });
        if (exit instanceof ForegroundExit.NotStarted notStarted) {
            // Exit as a shell would: 127 not found, 126 not executable.
            err.println("error: " + Printable.of(notStarted.program()) + ": " + notStarted.reason().text());
            return notStarted.reason() == ForegroundExit.Reason.NOT_FOUND ? ExitCode.COMMAND_NOT_FOUND : ExitCode.COMMAND_NOT_EXECUTABLE;
        }
        return ((ForegroundExit.Exited) exit).status();
    }

    /**
     * {@code localdb run web -- npx vite --port $PORT}: the user's shell expands {@code $PORT}
     * (unset there) before localdb sets it, so the command gets {@code --port} with no value.
     */
    private void refuseAnExpandedPort(ProjectName name) {
        for (int i = 1; i < command.size(); i++) {
            String word = command.get(i);
            boolean noValue = (word.equals("--port") || word.equals("-p"))
                    && (i + 1 == command.size() || command.get(i + 1).isEmpty() || command.get(i + 1).startsWith("-"));
            if (noValue || word.equals("--port=")) {
                List<String> fixed = new ArrayList<>(command);
                if (noValue) {
                    fixed.add(i + 1, "$PORT");
                } else {
                    fixed.set(i, "--port=$PORT");
                }
                throw new InvalidInputException(word.replace("=", "") + " has no value: your shell replaced $PORT before localdb set it."
                        + " Give the command a shell of its own, in single quotes: localdb run " + name + " -- sh -c '"
                        + Printable.of(String.join(" ", fixed)) + "'");
            }
        }
    }
}
