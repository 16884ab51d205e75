package dev.localdb.adapters.os;

import java.io.File;
import java.util.List;

/**
 * Windows' way of starting a server (the server is this JVM's direct child, its PID the one the
 * JDK gives, no POSIX shell around the launch), under the same contract with /bin/sh in the place
 * of {@code cmd.exe /d /s /c}: the path Windows takes, run here for real.
 */
class DirectChildLauncherContractTest extends DetachedServerLauncherContractTest {
    @Override
    protected LaunchDetachment detachment() {
        return LaunchDetachment.asChild(List.of("/bin/sh", "-c"), new File("/dev/null"));
    }
}
