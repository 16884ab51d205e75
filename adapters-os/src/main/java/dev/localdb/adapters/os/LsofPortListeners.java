package dev.localdb.adapters.os;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who listens on a port, from {@code lsof -nP -iTCP:<port> -sTCP:LISTEN -F pcnt} (macOS; lsof runs
 * the same on Linux, where its tests run it). lsof exits 1 both when nothing matches and on some
 * errors, so "nothing" is believed only when it printed nothing at all; without lsof the answer is
 * "cannot tell". lsof sees other users' sockets only as root: those stay unseen, as on Linux.
 */
final class LsofPortListeners implements PortListeners {
    private static final List<String> LOCATIONS = List.of("/usr/sbin/lsof", "/usr/bin/lsof");
    private final ExternalCommands tools;

    LsofPortListeners(ExternalCommands tools) {
        this.tools = tools;
    }

    @Override
    public ListenerScan scan(PortNumber port) {
        Optional<String> lsof = LOCATIONS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        if (lsof.isEmpty()) {
            return ListenerScan.unknown();
        }
        ExternalCommands.Outcome outcome = tools.run(List.of(lsof.get(), "-nP", "-iTCP:" + port.value(), "-sTCP:LISTEN", "-F", "pcnt"));
        if (outcome.exitCode() == 1 && outcome.output().isBlank()) {
            return ListenerScan.of(List.of());
        }
        if (!outcome.succeeded()) {
            return ListenerScan.unknown();
        }
        return ListenerScan.of(ListeningSocketRow.listenersOn(port.value(), LsofOutput.parse(outcome.output())));
    }
}
