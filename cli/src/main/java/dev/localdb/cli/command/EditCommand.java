package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.NamedPortsText;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.DevServerCommand;
import dev.localdb.domain.project.DevServerCommands;
import dev.localdb.domain.project.ProjectStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
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

/**
 * Changes what {@code localdb new} recorded, with the same checks and messages as new. A running
 * server keeps running as it was started; the change applies at its next start. A new port (or
 * new port names) replaces the remembered ones, so the next start really uses it; that needs the
 * server stopped, as {@code release --forget} does.
 */
@Command(name = "edit", description = "Change a project's command, directory, preferred port, port names or on-demand start."
        + " Only what is given changes.")
public final class EditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = "--port", paramLabel = "N", description = "Preferred port, tried before the configured ranges; replaces the remembered one.")
    String port;

    @Option(names = "--command", paramLabel = "<shell command>", description = "Runs through /bin/sh with PORT set, e.g. \"python3 -m http.server $PORT\".")
    String command;

    @Option(names = "--dir", paramLabel = "PATH", description = "Working directory for the command.")
    String dir;

    @Option(names = "--port-name", paramLabel = "NAME",
            description = "The extra ports besides PORT, in PORT_<NAME> (repeat for more); replaces the project's port names.")
    List<String> portNames;

    /** Null when neither --on-demand nor --no-on-demand is given: unchanged. */
    @Option(names = "--on-demand", negatable = true,
            description = "Whether the name proxy starts the server on the first request to <project>.localhost (--no-on-demand: it does not).")
    Boolean onDemand;

    EditCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        if (port == null && command == null && dir == null && portNames == null && onDemand == null) {
            throw new InvalidInputException("Nothing to change: give --command, --dir, --port, --port-name or --[no-]on-demand,"
                    + " e.g. 'localdb edit " + name + " --port 4000'.");
        }
        // Every value is checked, as new checks it, before anything is looked up or written.
        Optional<PortNumber> newPort = Optional.ofNullable(port).map(PortNumber::parse);
        DevServerCommands commands = wiring.devServerCommands();
        Optional<String> newDir = Optional.ofNullable(dir).map(commands::existingDirectory);
        Optional<List<PortName>> newNames = Optional.ofNullable(portNames).map(names -> names.stream().map(PortName::of).toList());
        ProjectConfig current = wiring.catalog().find(name).orElseThrow(() -> wiring.lifecycle().unknown(name));
        Optional<String> workingDirectory = newDir.or(current::workingDirectory);
        Optional<DevServerCommand> fitted = commands.forChangedCommand(Optional.ofNullable(command), workingDirectory);
        ProjectConfig changed = new ProjectConfig(name, newPort.or(current::preferredPort),
                fitted.map(DevServerCommand::command).or(current::command), workingDirectory, current.createdAt(),
                newNames.orElse(current.portNames()), onDemand == null ? current.onDemand() : onDemand);
        List<String> changes = changes(current, changed);
        PrintWriter out = spec.commandLine().getOut();
        fitted.filter(f -> !f.command().equals(current.command().orElse(null))).ifPresent(f -> f.note().ifPresent(note ->
                (f.warning() ? spec.commandLine().getErr() : out).println((f.warning() ? "warning: " : "") + note)));
        if (changes.isEmpty()) {
            out.println("Nothing changed: " + name + " already has these settings.");
            return ExitCode.OK;
        }
        boolean running = wiring.lifecycle().status(name).map(s -> s.state() == ProjectStatus.State.RUNNING).orElse(false);
        boolean portsChange = !changed.preferredPort().equals(current.preferredPort()) || !changed.portNames().equals(current.portNames());
        Optional<Allocation> forgotten = Optional.empty();
        if (portsChange) {
            if (running) {
                throw new InvalidInputException("Project " + name + " is running; stop it first ('localdb stop " + name
                        + "'), then change its ports: the new ones replace the ports it holds.");
            }
            // Else the remembered port would win over the new preferred one at the next start (rule 2 before rule 3).
            forgotten = wiring.allocator().forget(name);
        }
        wiring.catalog().update(changed);
        out.println(common.style(wiring.env()).success("Changed " + name + ": " + String.join("; ", changes) + "."));
        forgotten.ifPresent(a -> out.println("Forgot the remembered " + NamedPortsText.phrase(a.port(), a.namedPorts())
                + (a.isHeld() ? " (reserved until now)" : "") + ": the next start or 'localdb port " + name + "' uses the new settings."));
        // On demand applies at once (the proxy reads it within 250 ms, and only ever starts a stopped project).
        if (running && !changed.withOnDemand(current.onDemand()).equals(current)) {
            out.println("Project " + name + " is running: the change applies at its next start ('localdb stop " + name
                    + "', then 'localdb start " + name + "').");
        }
        return ExitCode.OK;
    }

    private static List<String> changes(ProjectConfig before, ProjectConfig after) {
        List<String> changes = new ArrayList<>();
        change(changes, "port", before.preferredPort().map(Object::toString).orElse("(none)"),
                after.preferredPort().map(Object::toString).orElse("(none)"));
        change(changes, "command", before.command().map(c -> "\"" + Printable.of(c) + "\"").orElse("(embedded LocalDB server)"),
                after.command().map(c -> "\"" + Printable.of(c) + "\"").orElse("(embedded LocalDB server)"));
        change(changes, "dir", before.workingDirectory().map(Printable::of).orElse("(the project's folder)"),
                after.workingDirectory().map(Printable::of).orElse("(the project's folder)"));
        change(changes, "port names", names(before.portNames()), names(after.portNames()));
        change(changes, "on demand", before.onDemand() ? "yes" : "no", after.onDemand() ? "yes" : "no");
        return changes;
    }

    private static void change(List<String> changes, String what, String before, String after) {
        if (!before.equals(after)) {
            changes.add(what + " " + before + " -> " + after);
        }
    }

    private static String names(List<PortName> names) {
        return names.isEmpty() ? "(none)" : names.stream().map(n -> n + " ($" + n.environmentVariable() + ")").collect(Collectors.joining(", "));
    }
}
