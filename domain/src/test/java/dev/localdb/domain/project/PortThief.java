package dev.localdb.domain.project;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ServerLauncher;
import java.util.List;

/**
 * Launches through the fake launcher, but for the first {@code thefts} launches another program
 * grabs the port just before the server binds it: the server dies and the port stays busy (and
 * accepts connections, which must not be mistaken for the server being ready).
 */
final class PortThief implements ServerLauncher {
    private final LifecycleFixture machine;
    private int thefts;

    PortThief(LifecycleFixture machine, int thefts) {
        this.machine = machine;
        this.thefts = thefts;
    }

    @Override
    public ProcessIdentity launch(LaunchSpec spec) {
        if (thefts > 0) {
            thefts--;
            machine.host.occupy(spec.port().value());
            machine.control.listen(spec.port().value());
            machine.launcher.exitsAtOnce(spec.project().name(), "Error: listen EADDRINUSE :::" + spec.port());
        } else {
            machine.launcher.becomesReady(spec.project().name());
        }
        return machine.launcher.launch(spec);
    }

    @Override
    public List<String> lastLogLines(LaunchSpec spec, int count) {
        return machine.launcher.lastLogLines(spec, count);
    }
}
