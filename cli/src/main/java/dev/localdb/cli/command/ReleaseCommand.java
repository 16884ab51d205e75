package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.NamedPortsText;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.ProjectName;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Frees a project's port; the registry keeps it as the project's preferred port, unless told to forget it. */
@Command(name = "release", description = "Free the project's port. The project remembers it and gets it again when it is free.")
public final class ReleaseCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = "--forget", description = "Also forget the project's ports: remove its registry entry, so nothing is remembered.")
    boolean forget;

    ReleaseCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        if (forget) {
            return forget(name);
        }
        Optional<Allocation> released = wiring.allocator().releaseIdle(name);
        var out = spec.commandLine().getOut();
        if (released.isPresent()) {
            out.println(common.style(wiring.env()).success("Released " + NamedPortsText.phrase(released.get().port(), released.get().namedPorts())
                    + " of " + name + " (remembered for next time)."));
        } else {
            out.println("Project " + name + " holds no port; nothing to release.");
        }
        return ExitCode.OK;
    }

    private int forget(ProjectName name) {
        Optional<Allocation> forgotten = wiring.allocator().forget(name);
        var out = spec.commandLine().getOut();
        if (forgotten.isPresent()) {
            out.println(common.style(wiring.env()).success("Forgot " + name + ": " + NamedPortsText.phrase(forgotten.get().port(),
                    forgotten.get().namedPorts()) + (forgotten.get().isHeld() ? " released and" : "") + " no longer remembered."));
        } else {
            out.println("Project " + name + " has no registry entry; nothing to forget.");
        }
        return ExitCode.OK;
    }
}
