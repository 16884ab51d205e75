package dev.localdb.junit;

import dev.localdb.adapters.os.ProcFsProcessInspector;
import dev.localdb.adapters.os.SocketPortProbe;
import dev.localdb.adapters.storage.JsonFileRegistryStore;
import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A registry as a crashed test JVM leaves it, beside a user's projects: entries owned by a
 * process that really ran and is now dead, written with the real adapters.
 */
final class LeftoverSeeds {
    static final String USER_PROJECT_CRASHED = "web";
    static final String USER_PROJECT_RELEASED = "api";

    private LeftoverSeeds() {
    }

    /** Seeds the registry in the home; returns the name of the crashed test's held (stale) entry. */
    static String seed(Path home) throws Exception {
        ProcFsProcessInspector inspector = new ProcFsProcessInspector();
        ProcessIdentity dead = deadProcess(inspector);
        String crashedTest = "junit-" + dead.pid() + "-1";
        PortAllocator allocator = new PortAllocator(new JsonFileRegistryStore(home.resolve("runtime"), w -> { }),
                new SocketPortProbe(), inspector, Clock.systemUTC(), AllocationSettings.defaults());
        allocator.allocate(owned(crashedTest, dead));
        allocator.allocate(owned("junit-" + dead.pid() + "-2", dead));
        allocator.release(ProjectName.of("junit-" + dead.pid() + "-2"));
        allocator.allocate(owned(USER_PROJECT_CRASHED, dead));
        allocator.allocate(AllocationRequest.reservation(ProjectName.of(USER_PROJECT_RELEASED)));
        allocator.release(ProjectName.of(USER_PROJECT_RELEASED));
        return crashedTest;
    }

    private static AllocationRequest owned(String name, ProcessIdentity owner) {
        return new AllocationRequest(ProjectName.of(name), Optional.empty(), Optional.of(owner));
    }

    /** The identity of a process that ran and has exited (and been reaped). */
    private static ProcessIdentity deadProcess(ProcFsProcessInspector inspector) throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        try {
            return inspector.identify(process.pid()).orElseThrow();
        } finally {
            process.destroyForcibly();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("sleep " + process.pid() + " did not die");
            }
        }
    }
}
