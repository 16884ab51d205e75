package dev.localdb.cli.command;

import dev.localdb.cli.Wiring;
import dev.localdb.cli.terminal.BrowserOpener;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Opens a running project's URL in the browser (and prints it, for when no browser can be opened). */
@Command(name = "open", mixinStandardHelpOptions = true, description = "Open the running project in the browser.")
public final class OpenCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    OpenCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        String url = wiring.lifecycle().status(name).flatMap(s -> s.url()).orElseThrow(() -> new InvalidInputException(
                "Project " + name + " is not running: start it with 'localdb start " + name + "'."));
        spec.commandLine().getOut().println(url);
        if (!new BrowserOpener(wiring.env()).open(url)) {
            spec.commandLine().getErr().println("warning: no browser could be opened; set BROWSER or open the URL yourself.");
        }
        return 0;
    }
}
