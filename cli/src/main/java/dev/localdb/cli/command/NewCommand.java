package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.StatusOutput;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.DevServerCommand;
import dev.localdb.domain.project.DevServerCommands;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Creates a project: its configuration and its data folder. */
@Command(name = "new", description = "Create a project. Without --command it runs the embedded LocalDB server.")
public final class NewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name: 1-64 of a-z 0-9 . _ - (starting with a letter or digit).")
    String project;

    @Option(names = "--port", paramLabel = "N", description = "Preferred port, tried before the configured ranges.")
    String port;

    @Option(names = "--command", paramLabel = "<shell command>", description = "Runs through /bin/sh with PORT set, e.g. \"python3 -m http.server $PORT\".")
    String command;

    @Option(names = "--dir", paramLabel = "PATH", description = "Working directory for --command (default: the project's folder). "
            + "Without --command: runs the dev script of PATH/package.json, with the port flags its framework needs.")
    String dir;

    @Option(names = "--port-name", paramLabel = "NAME",
            description = "An extra port for the server besides PORT, in PORT_<NAME> (repeat for more), e.g. --port-name api gives PORT_API.")
    List<String> portNames;

    @Option(names = "--on-demand",
            description = "The name proxy starts the server on the first request to <project>.localhost instead of answering \"not running\".")
    boolean onDemand;

    NewCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        Optional<PortNumber> preferred = Optional.ofNullable(port).map(PortNumber::parse);
        List<PortName> named = portNames == null ? List.of() : portNames.stream().map(PortName::of).toList();
        DevServerCommands commands = wiring.devServerCommands();
        Optional<String> workingDirectory = Optional.ofNullable(dir).map(commands::existingDirectory);
        Optional<DevServerCommand> chosen = commands.forNewProject(Optional.ofNullable(command), workingDirectory);
        ProjectConfig created = wiring.catalog().create(new ProjectConfig(name, preferred, chosen.map(DevServerCommand::command),
                workingDirectory, Instant.now(), named, onDemand));
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        out.println(common.style(wiring.env()).success("Created project " + name + " in " + wiring.home().project(name)
                + (created.usesEmbeddedServer() ? " (embedded LocalDB server)" : " (command: " + created.command().get() + ")") + "."));
        chosen.flatMap(DevServerCommand::note).ifPresent(note -> (chosen.get().warning() ? err : out).println(
                (chosen.get().warning() ? "warning: " : "") + note));
        if (workingDirectory.isPresent() && created.usesEmbeddedServer()) {
            err.println("warning: --dir is only used with --command, and " + workingDirectory.get() + " has no package.json with a \"dev\" script: "
                    + name + " runs the embedded LocalDB server.");
        }
        preferred.filter(p -> !wiring.configuration().allocation().allows(p, true)).ifPresent(p -> err.println("warning: port " + p
                + neverHandedOut(p) + ", so " + name + " will get a port from the configured ranges instead."));
        if (!created.portNames().isEmpty()) {
            out.println("Named ports: " + created.portNames().stream().map(n -> n + " ($" + n.environmentVariable() + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        // 'localdb rm' kept an earlier project's data: this one does not pick it up, and says so.
        wiring.catalog().keptData(name).ifPresent(kept -> out.println("It starts with no data: the data of an earlier project "
                + name + " is kept in " + kept + " ('localdb rm' left it there)."));
        if (created.onDemand()) {
            out.println("On demand: the proxy starts it on the first request to "
                    + StatusOutput.nameUrl(name.value(), wiring.configuration().proxy().httpPort())
                    + " (while the proxy runs: 'localdb proxy start').");
        }
        out.println("Start it with 'localdb start " + name + "'.");
        return ExitCode.OK;
    }

    private String neverHandedOut(PortNumber port) {
        var ephemeral = wiring.configuration().ephemeral().range();
        return ephemeral.contains(port) ? " is in this system's ephemeral range (" + ephemeral + "), which localdb never hands out"
                : " is excluded (excludedPorts), so localdb never hands it out";
    }
}
