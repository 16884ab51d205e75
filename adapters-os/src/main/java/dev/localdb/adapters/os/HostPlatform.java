package dev.localdb.adapters.os;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.port.PortListeners;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which operating system's adapters localdb uses, chosen once at start-up: Linux's /proc and
 * setsid(1), macOS's lsof, sysctl and perl, Windows's netstat, or the portable mode that uses only
 * the JDK. {@code LOCALDB_PLATFORM} (linux, macos, windows, portable; empty or auto: choose) forces
 * one, so that the path macOS and Windows users get can be run on Linux (docs/PLATFORMS.md).
 *
 * <p>Every mode identifies a process by PID + start time + boot, and signals nothing whose identity
 * does not match; the modes differ in how exact the start time and the boot are (see {@link #limits()}).
 */
public final class HostPlatform {
    public static final String ENV = "LOCALDB_PLATFORM";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);
    private static final Path LSOF = Path.of("/usr/sbin/lsof");
    private static final Path SYSCTL = Path.of("/usr/sbin/sysctl");
    private static final Path PERL = Path.of("/usr/bin/perl");

    /** The adapter families. */
    public enum Kind {
        LINUX, MACOS, WINDOWS, PORTABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final boolean forced;
    private final ExternalCommands tools;

    private HostPlatform(Kind kind, boolean forced, ExternalCommands tools) {
        this.kind = kind;
        this.forced = forced;
        this.tools = tools;
    }

    /** As {@code LOCALDB_PLATFORM} in {@code env} says, else the best this host ({@code os.name}) supports. */
    public static HostPlatform choose(Map<String, String> env, String osName) {
        ExternalCommands tools = new ExternalCommands(env, TOOL_TIMEOUT);
        String wanted = env.getOrDefault(ENV, "").strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.equals("auto")) {
            return new HostPlatform(detect(osName), false, tools);
        }
        for (Kind kind : Kind.values()) {
            if (kind.label().equals(wanted)) {
                return new HostPlatform(kind, true, tools);
            }
        }
        throw new InvalidInputException(ENV + " must be one of auto, linux, macos, windows, portable, not \""
                + wanted.replaceAll("\\p{Cntrl}", "?") + "\".");
    }

    public static HostPlatform forThisHost(Map<String, String> env) {
        return choose(env, System.getProperty("os.name", ""));
    }

    /** Linux with a readable /proc; macOS with its lsof and sysctl; Windows; otherwise the JDK alone. */
    static Kind detect(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux") && ProcFsProcessTable.isAvailable()) {
            return Kind.LINUX;
        }
        if (os.startsWith("mac") && Files.isExecutable(LSOF) && Files.isExecutable(SYSCTL)) {
            return Kind.MACOS;
        }
        if (os.startsWith("windows")) {
            return Kind.WINDOWS;
        }
        return Kind.PORTABLE;
    }

    public Kind kind() {
        return kind;
    }

    /** One line for {@code doctor}: the mode, how it was chosen, and its adapters. */
    public String describe() {
        String how = forced ? "forced by " + ENV : "chosen for this system";
        return kind.label() + " (" + how + "): " + switch (kind) {
            case LINUX -> "identity from /proc/<pid>/stat + boot_id, listeners from /proc/net/tcp{,6}, servers detached with setsid(1) (nohup-like without it)";
            case MACOS -> "identity from ProcessHandle + sysctl kern.bootsessionuuid, listeners from lsof, servers detached with perl's POSIX::setsid (nohup-like without perl)";
            case WINDOWS -> "identity from ProcessHandle + the boot time, listeners from netstat -ano, servers started under cmd.exe /d /s /c";
            case PORTABLE -> "JDK only: identity from ProcessHandle (PID + start instant), no /proc, no setsid";
        };
    }

    /** What this mode cannot do, for {@code doctor} and docs/PLATFORMS.md; empty when it has no known gap. */
    public List<String> limits() {
        return switch (kind) {
            case LINUX -> List.of();
            case MACOS -> List.of("who listens on a port shows the processes lsof can see (other users' need sudo)",
                    "processes a dead server left in its session are not found (no /proc)",
                    "logs are rotated while running only with GNU split (e.g. Homebrew's coreutils), else at start");
            case WINDOWS -> List.of("servers run as children of the CLI that started them (Windows keeps them running), their logs rotated at start only",
                    "processes a dead server left behind are not found");
            case PORTABLE -> List.of("who listens on a port cannot be told ('why' and 'doctor' say \"cannot tell\")",
                    "the boot is unknown: identity rests on PID + start instant only",
                    "servers ignore hangups (nohup-like) instead of getting a session of their own",
                    "processes a dead server left behind are not found",
                    "logs are rotated at start only");
        };
    }

    public ProcessInspector inspector() {
        return new ProcFsProcessInspector(table());
    }

    private ProcessTable table() {
        return switch (kind) {
            case LINUX -> new ProcFsProcessTable();
            case MACOS -> new ProcessHandleTable(SysctlBootId.read(tools));
            case WINDOWS -> new ProcessHandleTable(WindowsBootTime.read(tools));
            case PORTABLE -> new ProcessHandleTable();
        };
    }

    /** Who listens on a port; holds nothing, so a new one each time is fine. */
    public PortListeners portListeners() {
        return switch (kind) {
            case LINUX -> new ProcNetPortListeners();
            case MACOS -> new LsofPortListeners(tools);
            case WINDOWS -> new NetstatPortListeners(tools);
            case PORTABLE -> new UnknownPortListeners();
        };
    }

    /** Stops servers by identity; only Linux can find what a dead server left in its session. */
    public ServerControl serverControl(ProcessInspector inspector) {
        return new ProcessServerControl(inspector, kind == Kind.LINUX);
    }

    /** What runs a project's own command here, the command following as the last argument ({@code cmd.exe /d /s /c} on Windows). */
    public List<String> shell() {
        return detachment().shell();
    }

    LaunchDetachment detachment() {
        return switch (kind) {
            case LINUX -> LaunchDetachment.forThisHost();
            case MACOS -> Files.isExecutable(PERL) ? LaunchDetachment.withPerlSetsid(PERL) : LaunchDetachment.ignoringHangup();
            case WINDOWS -> LaunchDetachment.windows();
            case PORTABLE -> LaunchDetachment.ignoringHangup();
        };
    }

    LogRotation rotation() {
        // GNU split is looked for on Linux and macOS (where Homebrew's may be installed); portable uses none.
        return kind == Kind.LINUX || kind == Kind.MACOS ? LogRotation.forThisHost() : LogRotation.atStartOnly();
    }
}
