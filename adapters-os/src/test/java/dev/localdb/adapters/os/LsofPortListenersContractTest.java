package dev.localdb.adapters.os;

import dev.localdb.domain.port.PortListeners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * macOS's listener lookup (lsof -F) under the same contract, with this machine's lsof: lsof's field
 * output is the same on Linux, so the adapter runs end to end here (the macOS fixture tests its parser).
 */
@EnabledIf("lsofPresent")
class LsofPortListenersContractTest extends ProcNetPortListenersContractTest {
    @Override
    protected PortListeners newListeners() {
        return new LsofPortListeners(new ExternalCommands(Map.of("PATH", System.getenv("PATH")), Duration.ofSeconds(30)));
    }

    static boolean lsofPresent() {
        return Files.isExecutable(Path.of("/usr/bin/lsof")) || Files.isExecutable(Path.of("/usr/sbin/lsof"));
    }
}
