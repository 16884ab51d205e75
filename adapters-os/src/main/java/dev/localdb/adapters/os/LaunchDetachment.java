package dev.localdb.adapters.os;

import java.io.File;
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
 * its own. Without setsid we fall back on what nohup does: SIGHUP, SIGINT and SIGQUIT ignored
 * (ignored signals stay ignored across exec). The server then stays in the caller's process
 * group, which is enough to survive the terminal but not to be out of its job control. In both
 * cases the command is exec'd in place, so the PID we report is the command's own.
 *
 * <p>Either way the server is not the JVM's own child, and its PID is printed on stderr: a JVM that
 * exits while one of its children still runs waits 300 ms for the thread that waits for that child
 * (HotSpot's {@code VM_Exit::wait_for_threads_in_native_to_block}), which every {@code localdb
 * start} paid. With setsid, {@code setsid --fork} starts a shell in the new session that prints its
 * PID and execs the command, and setsid's own process exits at once; no shell job control is
 * involved, so the server's signal dispositions are those of a plain exec. Without setsid, a shell
 * starts the command as a background job ({@code $!}), with HUP, INT and QUIT ignored as before.
 */
final class LaunchDetachment {
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    /**
     * Runs "$@" (setsid --fork, the shell below, the command) and prints on stderr the PID the new
     * session's shell reports on fd 3, once it has reported it: setsid's own process exits at once,
     * and Java drains and closes a child's pipes when that child exits, so the PID must reach our
     * pipe before this shell ends. The command's output goes to fd 4, our stdout (the log).
     */
    private static final String PRINT_PID_OF_NEW_SESSION = "exec 4>&1; pid=$(\"$@\" 3>&1 1>&4 4>&-); echo \"$pid\" >&2";
    /**
     * In the new session: its PID on fd 3, then stderr onto stdout (the log, so a "not found" lands
     * there, and never into the pipe that carries the PID), then stdout through the log's rotation
     * ({@link LogRotation#PIPE_THROUGH_SPLIT}, which takes three arguments), then the command.
     */
    private static final String REPORT_PID_AND_EXEC = "echo $$ >&3; exec 3>&- 2>&1; " + LogRotation.PIPE_THROUGH_SPLIT
            + "; exec 2>&1; exec \"$@\"";
    /** The command as a background job that ignores hangups; its PID on stderr, its output on the log. */
    private static final String IGNORE_HANGUP_IN_BACKGROUND = "( trap '' HUP INT QUIT; exec \"$@\" ) 2>&1 & echo $! >&2";

    /**
     * What {@code setsid --fork} does, in the perl every macOS ships (macOS has no setsid(1)): fork,
     * the parent exits at once, the child becomes a session leader and execs the rest of its arguments.
     */
    static final String PERL_SETSID = "defined(my $pid = fork) or die \"fork: $!\\n\"; exit 0 if $pid;"
            + " POSIX::setsid() or die \"setsid: $!\\n\"; exec { $ARGV[0] } @ARGV or die \"exec: $!\\n\"";

    /** The command that runs its arguments in a new session and exits at once (setsid --fork, or perl); empty: none. */
    private final Optional<List<String>> newSession;
    /** For {@link #asChild}: the shell that runs a project's command; empty: a POSIX shell wraps the launch. */
    private final Optional<List<String>> childShell;
    private final File nullDevice;

    private LaunchDetachment(Optional<List<String>> newSession) {
        this(newSession, Optional.empty(), new File("/dev/null"));
    }

    private LaunchDetachment(Optional<List<String>> newSession, Optional<List<String>> childShell, File nullDevice) {
        this.newSession = newSession;
        this.childShell = childShell;
        this.nullDevice = nullDevice;
    }

    /**
     * Windows: no POSIX shell, no sessions, no SIGHUP. The server is started as the JVM's own
     * child, its PID the one {@code Process.pid()} gives, and a project's command runs under
     * {@code cmd.exe /d /s /c}. It outlives the CLI because Windows does not end a process's
     * children with it, and the JDK starts a child without the console window of its parent
     * ({@code CREATE_NO_WINDOW}), so closing that terminal or its Ctrl-C do not reach it. Stopping
     * ends the whole tree ({@link ProcessServerControl} takes the descendants), since the identity
     * is the cmd.exe that runs the command. Never run on Windows here (docs/PLATFORMS.md); on Linux
     * {@link #asChild} runs the same path with /bin/sh under the launcher contract.
     */
    static LaunchDetachment windows() {
        return asChild(List.of("cmd.exe", "/d", "/s", "/c"), new File("NUL"));
    }

    /** The server as a direct child of this JVM, a project's command run by {@code shell} + the command. */
    static LaunchDetachment asChild(List<String> shell, File nullDevice) {
        return new LaunchDetachment(Optional.empty(), Optional.of(List.copyOf(shell)), nullDevice);
    }

    /** Whether the launching shell prints the server's PID on stderr and exits (else the child is the server). */
    boolean reportsPid() {
        return childShell.isEmpty();
    }

    /** What runs a project's command: the command follows as the last argument. */
    List<String> shell() {
        return childShell.orElse(List.of("/bin/sh", "-c"));
    }

    /** Where a server's stdin comes from. */
    File nullDevice() {
        return nullDevice;
    }

    static LaunchDetachment forThisHost() {
        return SETSID.stream().filter(Files::isExecutable).findFirst().map(LaunchDetachment::withSetsid)
                .orElseGet(LaunchDetachment::ignoringHangup);
    }

    /** With this setsid(1) (tests give a stand-in that forks and exits before its child runs). */
    static LaunchDetachment withSetsid(Path setsid) {
        return new LaunchDetachment(Optional.of(List.of(setsid.toString(), "--fork")));
    }

    /** With perl's POSIX::setsid, for macOS (runs on Linux too, where its tests run it). */
    static LaunchDetachment withPerlSetsid(Path perl) {
        return new LaunchDetachment(Optional.of(List.of(perl.toString(), "-MPOSIX", "-e", PERL_SETSID, "--")));
    }

    /** The nohup-like fallback, also used where setsid is missing. */
    static LaunchDetachment ignoringHangup() {
        return new LaunchDetachment(Optional.empty());
    }

    /** The command line that starts {@code command} detached and prints the PID it runs as on stderr. */
    List<String> wrap(List<String> command) {
        return wrap(command, LogRotation.atStartOnly().arguments(Path.of(""), 0));
    }

    /**
     * As {@link #wrap(List)}, with the server's output piped through the log's rotation when
     * {@code rotation} (from {@link LogRotation#arguments}) names it and the server gets a session of its own.
     */
    List<String> wrap(List<String> command, List<String> rotation) {
        if (childShell.isPresent()) {
            return List.copyOf(command); // started as it is; its log is rotated at start only
        }
        List<String> wrapped = new ArrayList<>();
        if (newSession.isPresent()) {
            wrapped.addAll(List.of("/bin/sh", "-c", PRINT_PID_OF_NEW_SESSION, "localdb-launch"));
            wrapped.addAll(newSession.get());
            wrapped.addAll(List.of("/bin/sh", "-c", REPORT_PID_AND_EXEC, "localdb-server"));
            wrapped.addAll(rotation);
        } else {
            // "$0" is the name the shell gives itself in messages; the command follows as "$@".
            wrapped.addAll(List.of("/bin/sh", "-c", IGNORE_HANGUP_IN_BACKGROUND, "localdb-server"));
        }
        wrapped.addAll(command);
        return List.copyOf(wrapped);
    }
}
