package dev.localdb.adapters.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a server's log is kept under its cap ({@code logs.maxBytes}) while the server runs: its
 * output goes through a pipe to GNU {@code split -C}, whose filter appends each chunk of half the
 * cap to the log and, before every chunk but the first, renames the log to {@code <log>.1}
 * (replacing the one before). The log thus never holds more than the cap (the half a start finds
 * plus one chunk, see {@link ServerLogFile#beginStart}) and one rotated file is kept.
 *
 * <p>Why split: it is in coreutils on every Linux, it costs a few hundred kilobytes beside a dev
 * server (a JVM pump would cost 30 MiB per server), and it cuts at line ends. The server is
 * still exec'd in place, so its PID and signal dispositions are unchanged; split is a child of it
 * and ends when the last writer of the pipe closes it. It starts with an empty environment, so it
 * carries none of the server's variables and is not taken for a process of the project. It ignores SIGTERM, so that {@code stop},
 * which signals the server and its descendants together, does not cut off the server's last
 * lines: split goes when the server has gone (or by SIGKILL with it, when stop has to kill). When the file system is full, the filter's
 * cat fails and split drops the rest of that chunk (it ignores a filter that ended early), so a
 * full disk never stops the server through a broken pipe. Where GNU split is missing (macOS, BusyBox), the log is only rotated when a server starts.
 */
final class LogRotation {
    private static final List<Path> SPLIT = List.of(Path.of("/usr/bin/split"), Path.of("/bin/split"));
    /** split runs with an empty environment: it needs none of the server's (LOCALDB_HOME, tokens, ...). */
    private static final Path ENV = Path.of("/usr/bin/env");
    /**
     * Run by the new session's shell with {@code $1} the log and {@code $2} the chunk size, before
     * it execs the server: a private FIFO that split reads, opened as the shell's stdout.
     * Both ends are open before the FIFO's name is removed, so nothing else can open it.
     */
    static final String PIPE_THROUGH_SPLIT = "if [ -n \"$2\" ]; then"
            + " p=\"$1.pipe\"; rm -f \"$p\";"
            + " if mkfifo -m 600 \"$p\"; then"
            + " ( trap '' HUP INT TERM;"
            + " exec /usr/bin/env -i PATH=/usr/bin:/bin L=\"$1\" SHELL=/bin/sh \"$3\" -d -C \"$2\" --filter='umask 077; [ \"$FILE\" = c-00 ] || mv -f \"$L\" \"$L.1\";"
            + " cat >> \"$L\"' - c- ) < \"$p\" > /dev/null 2>&1 &"
            + " exec > \"$p\"; rm -f \"$p\"; fi; fi; shift 3";

    private final Optional<Path> split;

    private LogRotation(Optional<Path> split) {
        this.split = split;
    }

    /** With this machine's GNU split, if it has one. */
    static LogRotation forThisHost() {
        if (!Files.isExecutable(ENV)) {
            return atStartOnly();
        }
        return new LogRotation(SPLIT.stream().filter(Files::isExecutable).filter(LogRotation::isGnuSplit).findFirst());
    }

    /** Rotation at start only, as where GNU split is missing. */
    static LogRotation atStartOnly() {
        return new LogRotation(Optional.empty());
    }

    boolean whileRunning() {
        return split.isPresent();
    }

    /** {@code $1 $2 $3} of {@link #PIPE_THROUGH_SPLIT}: empty strings when the log is not piped. */
    List<String> arguments(Path log, long maxBytes) {
        return split.map(s -> List.of(log.toString(), Long.toString(chunkBytes(maxBytes)), s.toString()))
                .orElse(List.of("", "", ""));
    }

    /** Half the cap: a start finds under half (or rotates), and one chunk fills it at most to the cap. */
    static long chunkBytes(long maxBytes) {
        return Math.max(1, maxBytes / 2);
    }

    /** {@code --filter} is GNU's (coreutils 8.13, 2011); BusyBox's and BSD's split have none. */
    private static boolean isGnuSplit(Path split) {
        try {
            Process version = new ProcessBuilder(split.toString(), "--version").redirectErrorStream(true).start();
            try (InputStream out = version.getInputStream()) {
                String text = new String(out.readNBytes(512), StandardCharsets.UTF_8);
                return version.waitFor(5, TimeUnit.SECONDS) && version.exitValue() == 0 && text.contains("GNU coreutils");
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
