package dev.localdb.cli;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.RegistryStore;
import java.io.PrintWriter;
import java.time.Clock;
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
    private RegistryStore store;
    private ProcessInspector inspector;
    private PortAllocator allocator;

    public Wiring(Map<String, String> env, String userHome, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
        this.err = err;
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
            settings = Settings.from(env);
        }
        return settings;
    }

    public RegistryStore store() {
        if (store == null) {
            store = new JsonFileRegistryStore(home().runtime(), settings().lockTimeout(), this::warn);
        }
        return store;
    }

    public ProcessInspector inspector() {
        if (inspector == null) {
            inspector = new ProcFsProcessInspector();
        }
        return inspector;
    }

    public PortAllocator allocator() {
        if (allocator == null) {
            allocator = new PortAllocator(store(), new SocketPortProbe(), inspector(), Clock.systemUTC(),
                    settings().allocation());
        }
        return allocator;
    }

    /** One-line warnings go to stderr; they never change the exit code. */
    public void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
