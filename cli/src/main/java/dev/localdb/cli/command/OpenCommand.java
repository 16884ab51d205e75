package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.dashboard.BrowserLink;
import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.cli.terminal.BrowserOpener;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectStatus;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Opens a running project's URL in the browser (and prints it, for when no browser can be opened).
 * With the proxy up, a project's own server opens under its name URL, which is what users
 * bookmark; the embedded server keeps its port URL, where its one-time control link is redeemed.
 */
@Command(name = "open", description = "Open the running project in the browser.")
public final class OpenCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    OpenCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        Optional<ProjectStatus> status = wiring.lifecycle().status(name);
        if (status.isEmpty()) {
            throw wiring.lifecycle().unknown(name);
        }
        String url = status.flatMap(s -> s.url()).orElseThrow(() -> new InvalidInputException(
                "Project " + name + " is not running: start it with 'localdb start " + name + "'."));
        spec.commandLine().getOut().println(url);
        Optional<String> nameUrl = nameUrl(name);
        nameUrl.ifPresent(named -> spec.commandLine().getOut().println("Name URL: " + named));
        // The embedded server's dashboard opens with a one-time control link; stdout keeps the plain URL.
        Optional<ProjectConfig> config = status.get().config();
        BrowserLink browserLink = wiring.browserLink();
        Optional<String> control = config.flatMap(c -> browserLink.withControl(c, status.get().port().orElseThrow()));
        String forBrowser = control.flatMap(link -> browserLink.redirectPage(config.get(), link))
                .or(() -> nameUrl).orElse(url);
        if (!new BrowserOpener(wiring.env()).open(forBrowser)) {
            spec.commandLine().getErr().println("warning: no browser could be opened; set BROWSER or open the URL yourself.");
            control.ifPresent(link -> spec.commandLine().getErr().println("To start and stop projects from the page, open this link instead"
                    + " (it works once, within 2 minutes): " + link));
        }
        return ExitCode.OK;
    }

    /** The name URL while the proxy runs; {@code open} never starts the proxy. */
    private Optional<String> nameUrl(ProjectName name) {
        ProxyControl.Status proxy = wiring.proxyControl().status();
        return proxy.running() ? Optional.of(ProxyUrls.of(name, proxy)) : Optional.empty();
    }
}
