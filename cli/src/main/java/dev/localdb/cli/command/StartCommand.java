package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.output.UsualPortTaken;
import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.cli.terminal.BrowserOpener;
import dev.localdb.cli.terminal.StartSpinner;
import dev.localdb.cli.terminal.Terminal;
import dev.localdb.domain.allocation.RegistryView;
import dev.localdb.domain.diagnostics.PortExplanation;
import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.StartOptions;
import dev.localdb.domain.project.StartResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Allocates the project's port, starts its server detached, waits until it is ready, opens the browser. */
@Command(name = "start", description = "Start the project's server on its port (the same as last time when free) and open it in the browser."
                + " An unknown name is refused (create it with 'localdb new' or --create).")
public final class StartCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = "--no-browser", description = "Do not open the browser.")
    boolean noBrowser;

    @Option(names = "--create", description = "Create the project first if it does not exist yet, with the embedded LocalDB server.")
    boolean create;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = WholeSeconds.class, defaultValue = "30",
            description = "How long the server may take to accept connections (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    StartCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        ProjectName name = ProjectName.of(project);
        Terminal terminal = Terminal.detect(wiring.env());
        StartSpinner spinner = new StartSpinner(spec.commandLine().getErr(), terminal.interactive(), name.value());
        Optional<PortNumber> usual = usualPort(name);
        StartResult result;
        // Ctrl-C ends this JVM, not the detached server (docs/PORT_MANAGEMENT.md, "Ctrl-C during start").
        Thread toldOnInterrupt = new Thread(spinner::interrupted, "localdb-start-interrupted");
        Runtime.getRuntime().addShutdownHook(toldOnInterrupt);
        try {
            result = wiring.lifecycle().start(name, startOptions(), spinner);
        } finally {
            spinner.clear();
            try {
                Runtime.getRuntime().removeShutdownHook(toldOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already telling the user
            }
        }
        var out = spec.commandLine().getOut();
        if (result.createdNow()) {
            out.println("Created project " + name + " (embedded LocalDB server) in " + wiring.home().project(name) + ".");
        }
        if (result.outcome() == StartResult.Outcome.ALREADY_RUNNING) {
            out.println("Project \"" + name + "\" is already running: " + result.url() + " (PID " + result.server().pid() + ")");
            printNamedPorts(result, out);
            printNameUrl(name, out);
            return ExitCode.OK;
        }
        if (usual.isPresent() && !usual.get().equals(result.port())) {
            PortExplanation taken = wiring.portExplainer()
                    .explain(usual.get());
            out.println(UsualPortTaken.line(name, taken, result.port()));
        }
        // Always a ✓ (scripts and tests look for it); green on a terminal.
        out.println(common.style(wiring.env()).green("✓ Project \"" + name + "\" started"));
        out.println("  URL: " + result.url());
        printNamedPorts(result, out);
        printNameUrl(name, out);
        out.println("  PID: " + result.server().pid());
        out.flush();
        BrowserOpener browser = new BrowserOpener(wiring.env());
        if (!noBrowser && terminal.interactive() && (browser.configured() || terminal.hasDisplay())) {
            // The dashboard with control for the embedded server; the terminal shows the plain URL.
            browser.open(wiring.browserLink().of(result.project(), result.port(), result.url()));
        }
        return ExitCode.OK;
    }

    private StartOptions startOptions() {
        StartOptions options = new StartOptions(Duration.ofSeconds(timeoutSeconds));
        return create ? options.creatingIfMissing() : options;
    }

    /** The port the project holds or remembers, else its own preferred one: where it is expected to run. */
    private Optional<PortNumber> usualPort(ProjectName name) {
        Optional<PortNumber> inRegistry = wiring.allocator().view().entries().stream()
                .map(RegistryView.Entry::allocation)
                .filter(a -> a.project().equals(name))
                .map(Allocation::port)
                .findFirst();
        return inRegistry.or(() -> wiring.catalog().find(name).flatMap(ProjectConfig::preferredPort));
    }

    /**
     * The project's name URL when the proxy runs; the proxy is brought up first unless
     * {@code proxy.autoStart} is off. A proxy that cannot start costs the start nothing but a warning.
     */
    private void printNameUrl(ProjectName name, java.io.PrintWriter out) {
        ProxyControl proxy = wiring.proxyControl();
        ProxyControl.Status status;
        try {
            status = wiring.configuration().proxy().autoStart() ? proxy.start() : proxy.status();
        } catch (LocalDbException e) {
            wiring.warn(e.getMessage() + " (the project runs; 'localdb proxy start' tries again)");
            return;
        }
        if (status.running()) {
            out.println("  Name URL: " + ProxyUrls.of(name, status));
        }
    }

    /** One line per named port, e.g. "  api: http://localhost:3001 ($PORT_API)". */
    private static void printNamedPorts(StartResult result, java.io.PrintWriter out) {
        result.namedUrls().forEach((portName, url) ->
                out.println("  " + portName + ": " + url + " ($" + portName.environmentVariable() + ")"));
    }
}
