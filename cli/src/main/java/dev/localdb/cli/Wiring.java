package dev.localdb.cli;

import dev.localdb.adapters.os.CaTrustStores;
import dev.localdb.adapters.os.ChildProcessForegroundLauncher;
import dev.localdb.adapters.os.DetachedServerLauncher;
import dev.localdb.adapters.os.ExternalCommands;
import dev.localdb.adapters.os.HostPlatform;
import dev.localdb.adapters.os.ServerLogFiles;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.FileSystemWorkingDirectories;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.adapters.storage.JsonProjectCatalog;
import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.adapters.storage.RunningServerFiles;
import dev.localdb.adapters.storage.StaleServerFiles;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.cli.dashboard.BrowserLink;
import dev.localdb.cli.dashboard.DashboardControl;
import dev.localdb.cli.output.StatusOutput;
import dev.localdb.cli.proxy.CachedRoutes;
import dev.localdb.cli.proxy.ForegroundProxy;
import dev.localdb.cli.proxy.LocalCaTrust;
import dev.localdb.cli.proxy.ProxyAliases;
import dev.localdb.cli.proxy.ProxyControl;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.diagnostics.PortExplainer;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.PortListeners;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RouteSource;
import dev.localdb.domain.port.ServerLogs;
import dev.localdb.domain.project.DevServerCommands;
import dev.localdb.domain.project.ForegroundRun;
import dev.localdb.domain.project.Pause;
import dev.localdb.domain.project.ProjectLifecycle;
import dev.localdb.domain.project.ProjectRemoval;
import dev.localdb.domain.project.ProjectStatus;
import dev.localdb.server.ProjectState;
import dev.localdb.server.ProjectSummary;
import dev.localdb.server.ProjectsOverview;
import dev.localdb.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The composition root: the only place that picks adapters. Everything is built on first use,
 * so a command pays only for what it touches (--help touches nothing).
 */
public final class Wiring {
    private final Map<String, String> env;
    private final String userHome;
    private final PrintWriter err;
    private LocalDbHome home;
    private Settings settings;
    private Configuration configuration;
    private RegistryStore store;
    private HostPlatform platform;
    private ProcessInspector inspector;
    private PortProbe probe;
    private PortAllocator allocator;
    private ProjectCatalog catalog;
    private ProjectLifecycle lifecycle;

    public Wiring(Map<String, String> env, String userHome, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
        this.err = err;
    }

    /** {@code localdb run}: the project's command as this process's child, its ports held meanwhile. */
    public ForegroundRun foregroundRun() {
        return new ForegroundRun(lifecycle(), catalog(), inspector(), new ChildProcessForegroundLauncher(env, home()::project, platform().shell()));
    }

    public Map<String, String> env() {
        return env;
    }

    public LocalDbHome home() {
        if (home == null) {
            home = LocalDbHome.from(env, userHome);
        }
        return home;
    }

    public Settings settings() {
        if (settings == null) {
            settings = Settings.of(configuration());
        }
        return settings;
    }

    /** The effective settings with their sources: environment, then config.json, then defaults. */
    public Configuration configuration() {
        if (configuration == null) {
            configuration = Settings.load(env, home());
        }
        return configuration;
    }

    public RegistryStore store() {
        if (store == null) {
            store = new JsonFileRegistryStore(home().runtime(), settings().lockTimeout(), this::warn,
                    new RunningServerFiles(home().projects(), inspector(), portListeners()));
        }
        return store;
    }

    /** The operating system's adapters: chosen for this host, or as LOCALDB_PLATFORM forces (docs/PLATFORMS.md). */
    public HostPlatform platform() {
        if (platform == null) {
            platform = HostPlatform.forThisHost(env);
        }
        return platform;
    }

    public ProcessInspector inspector() {
        if (inspector == null) {
            inspector = platform().inspector();
        }
        return inspector;
    }

    public PortProbe probe() {
        if (probe == null) {
            probe = new SocketPortProbe();
        }
        return probe;
    }

    /** Who listens on a port (from /proc on Linux, "cannot tell" in the portable mode). */
    public PortListeners portListeners() {
        return platform().portListeners();
    }

    public PortAllocator allocator() {
        if (allocator == null) {
            allocator = new PortAllocator(store(), probe(), inspector(), Clock.systemUTC(), settings().allocation());
        }
        return allocator;
    }

    public ProjectCatalog catalog() {
        if (catalog == null) {
            catalog = new JsonProjectCatalog(home().projects(), this::warn);
        }
        return catalog;
    }

    public ProjectLifecycle lifecycle() {
        if (lifecycle == null) {
            lifecycle = new ProjectLifecycle(allocator(), catalog(), launcher(), platform().serverControl(inspector()),
                    inspector(), probe(), Clock.systemUTC(), Pause.sleeping(), leftoverServerFiles());
        }
        return lifecycle;
    }

    /** {@code localdb rm}: stop, forget the ports, remove the project, delete its log and its browser page. */
    public ProjectRemoval removal() {
        return new ProjectRemoval(lifecycle(), allocator(), catalog(), serverLogs(), browserLink()::forgetPage);
    }

    /** The servers' logs in the runtime folder, as the launcher writes them. */
    public ServerLogs serverLogs() {
        return new ServerLogFiles(home().runtime());
    }

    /** What {@code new} and {@code edit} make of --command and --dir, from this machine's folders. */
    public DevServerCommands devServerCommands() {
        return new DevServerCommands(new FileSystemWorkingDirectories());
    }

    /** What {@code start} and {@code open} give the browser: the dashboard's control link, or the plain URL. */
    public BrowserLink browserLink() {
        return new BrowserLink(home());
    }

    /** The server.json files killed servers leave behind; doctor reports them, stop and ports --cleanup remove them. */
    public StaleServerFiles leftoverServerFiles() {
        return new StaleServerFiles(home().projects(), inspector());
    }

    /** Who holds a port: for {@code why}, and for {@code start} when its port is taken. */
    public PortExplainer portExplainer() {
        return new PortExplainer(store(), inspector(), portListeners(), probe());
    }

    /** What {@code localdb serve} runs: the project's embedded server, its files in the project's folder. */
    public ServerConfig embeddedServer(ProjectName name, PortNumber port) {
        Path folder = home().project(name);
        return ServerConfig.onLoopback(name, port, folder.resolve("data"), home().serverFile(name), overview())
                .withControl(dashboardControl())
                .withProxyPorts(java.util.Set.of(configuration().proxy().httpPort(), configuration().proxy().httpsPort()));
    }

    /**
     * The overview page lists every project as `localdb status` sees it, fresh on each view, with
     * the name URL of each running one while the name proxy runs (the page never starts it).
     */
    private ProjectsOverview overview() {
        return () -> {
            List<ProjectStatus> statuses = lifecycle().statuses();
            ProxyControl.Status proxy = proxyControl().status();
            return statuses.stream().map(s -> new ProjectSummary(s.name().value(), ProjectState.valueOf(s.state().name()),
                    s.port().map(PortNumber::value).orElse(null), s.url().orElse(null), s.config().isEmpty(),
                    proxy.running() && s.state() == ProjectStatus.State.RUNNING
                            ? StatusOutput.nameUrl(s.name().value(), proxy.httpPort()) : null)).toList();
        };
    }

    /** The dashboard's Start and Stop buttons, for the embedded server {@code localdb serve} runs. */
    public DashboardControl dashboardControl() {
        return new DashboardControl(this);
    }

    private DetachedServerLauncher launcher() {
        return new DetachedServerLauncher(home().runtime(), home()::project,
                EmbeddedServerCommand::of, serverEnvironment(), inspector(), configuration().logsMaxBytes(), platform());
    }

    private ProxyFiles proxyFiles() {
        return new ProxyFiles(home().root());
    }

    /** Starts and stops the name proxy ({@code localdb proxy serve}, detached, in the home's folder). */
    public ProxyControl proxyControl() {
        List<String> serve = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        serve.addAll(ProxyJvm.OPTIONS);
        serve.addAll(SharedArchive.jvmOptions());
        serve.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "proxy", "serve"));
        return new ProxyControl(proxyFiles(), configuration().proxy(), inspector(), platform().serverControl(inspector()),
                launcher(), serve, home().root());
    }

    /**
     * Where {@code proxy trust} puts the CA. The browsers' databases are under {@code $HOME} (what
     * certutil and the browsers use), not the JVM's {@code user.home}, which Java takes from the
     * password file: the two differ under sudo, in containers and in tests.
     */
    private CaTrustStores caTrustStores() {
        String userHomeDir = env.getOrDefault("HOME", "").isBlank() ? userHome : env.get("HOME");
        return new CaTrustStores(Path.of(userHomeDir), System.getProperty("os.name", ""), CaTrustStores.runningAsRoot(),
                home().root(), new ExternalCommands(env, Duration.ofSeconds(60)));
    }

    /**
     * The names the proxy serves, read fresh every 250 ms; its own catalog, quiet about damaged
     * projects (each look would repeat the warning in the proxy's log).
     */
    public RouteSource proxyRoutes() {
        return new CachedRoutes(store(), new JsonProjectCatalog(home().projects(), warning -> { }), proxyFiles(), this::warn);
    }

    /** Servers inherit the user's environment, with the home made explicit so they find the same files. */
    private Map<String, String> serverEnvironment() {
        Map<String, String> serverEnv = new HashMap<>(env);
        serverEnv.put(LocalDbHome.ENV, home().root().toString());
        return serverEnv;
    }

    /** Adds and removes {@code proxy alias} names; a project's name is refused as an alias. */
    public ProxyAliases proxyAliases() {
        return new ProxyAliases(proxyFiles(), catalog());
    }

    /** Puts this home's CA in the browsers' stores and takes it out again. */
    public LocalCaTrust localCaTrust() {
        return new LocalCaTrust(caTrustStores(), proxyFiles().caDirectory(), home().root());
    }

    /** The proxy {@code proxy serve} runs in this process, with the configured ports and idle limit. */
    public ForegroundProxy foregroundProxy() {
        return new ForegroundProxy(configuration().proxy(), proxyFiles(), lifecycle(), proxyRoutes(), inspector());
    }

    /** One-line warnings go to stderr; they never change the exit code. */
    public void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
