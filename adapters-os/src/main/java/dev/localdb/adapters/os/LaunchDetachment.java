package dev.localdb.adapters.os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a server is cut loose from the terminal that started it, so that closing the terminal
 * (SIGHUP to its session) or pressing Ctrl-C (SIGINT to its foreground group) does not stop it.
 *
 * <p>With {@code setsid(1)} (util-linux, on every mainstream Linux) the server runs in a session of
 * its own. setsid calls setsid(2) and execs the command in place, so the PID we get is the
 * command's; it forks only when its caller leads a process group, and a child the JVM has just
 * started never does. Without setsid we fall back on what nohup does: a shell marks SIGHUP, SIGINT
 * and SIGQUIT ignored and execs the command (also in place); ignored signals stay ignored across
 * exec. The server then stays in the caller's process group, which is enough to survive the
 * terminal but not to be out of its job control.
 */
final class LaunchDetachment {
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    private static final String IGNORE_HANGUP = "trap '' HUP INT QUIT; exec \"$@\"";

    private final Optional<Path> setsid;

    private LaunchDetachment(Optional<Path> setsid) {
        this.setsid = setsid;
    }

    static LaunchDetachment forThisHost() {
        return new LaunchDetachment(SETSID.stream().filter(Files::isExecutable).findFirst());
    }

    /** The nohup-like fallback, also used where setsid is missing. */
    static LaunchDetachment ignoringHangup() {
        return new LaunchDetachment(Optional.empty());
    }

    boolean startsNewSession() {
        return setsid.isPresent();
    }

    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (setsid.isPresent()) {
            wrapped.add(setsid.get().toString());
        } else {
            // "$0" is the name the shell gives itself in messages; the command follows as "$@".
            wrapped.addAll(List.of("/bin/sh", "-c", IGNORE_HANGUP, "localdb-server"));
        }
        wrapped.addAll(command);
        return List.copyOf(wrapped);
    }
}
