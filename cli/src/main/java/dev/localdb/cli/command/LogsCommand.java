package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.project.ProjectStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the project's server log ({@code runtime/<project>.log}); {@code -f} keeps following it. */
@Command(name = "logs", description = "Show the project's server log.")
public final class LogsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private static final int TAIL_BLOCK = 8192;
    private static final long FOLLOW_INTERVAL_MS = 200;
    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<project>", description = "Project name.")
    String project;

    @Option(names = {"-n", "--tail"}, paramLabel = "N",
            description = "Print only the last N lines (then keep following with -f).")
    Integer tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what the server writes (Ctrl-C to stop).")
    boolean follow;

    LogsCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ProjectName name = ProjectName.of(project);
        Path log = wiring.home().runtime().resolve(name.value() + ".log");
        Optional<ProjectStatus> status = wiring.lifecycle().status(name);
        boolean written = Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS);
        if (!written && status.isEmpty()) {
            throw wiring.lifecycle().unknown(name);
        }
        if (!written && !follow) {
            throw new InvalidInputException("No log for " + name + " yet: it is written when 'localdb start " + name + "' runs the server.");
        }
        if (tail != null && tail < 0) {
            throw new InvalidInputException("--tail " + tail + " is negative: give how many of the last lines to print, e.g. --tail 20.");
        }
        if (follow && status.map(s -> s.state() != ProjectStatus.State.RUNNING).orElse(true)) {
            // Not an error: following a stopped project's log shows its next start as it happens.
            spec.commandLine().getErr().println(name + " is not running; waiting for its next start ('localdb start " + name
                    + "'). Ctrl-C stops waiting.");
            spec.commandLine().getErr().flush();
        }
        while (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            Thread.sleep(FOLLOW_INTERVAL_MS);
        }
        var out = spec.commandLine().getOut();
        Object followed = fileKey(log);
        SeekableByteChannel channel = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            if (tail != null) {
                channel.position(startOfLastLines(channel, tail));
            }
            copy(Channels.newInputStream(channel), out);
            while (follow) {
                Thread.sleep(FOLLOW_INTERVAL_MS);
                if (channel.size() < channel.position()) {
                    channel.position(0); // the log was truncated: start over
                }
                copy(Channels.newInputStream(channel), out);
                Object now = fileKey(log);
                if (now != null && !now.equals(followed)) {
                    // Rotated (logs.maxBytes): the old file is complete once renamed; read its rest, then go on with the new one.
                    copy(Channels.newInputStream(channel), out);
                    channel.close();
                    copyRotatedInBetween(log.resolveSibling(log.getFileName() + ".1"), followed, out);
                    followed = now;
                    channel = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                    copy(Channels.newInputStream(channel), out);
                }
            }
        } finally {
            channel.close();
        }
        return ExitCode.OK;
    }

    /**
     * Two rotations since the last look: the file that came between ours and the new log is now
     * {@code <log>.1}; it is complete, so print it whole. (Three or more within one interval have
     * already dropped a file from the disk; at the smallest cap that takes 300 KB/s of output.)
     */
    private static void copyRotatedInBetween(Path rotated, Object followed, java.io.PrintWriter out) throws IOException {
        Object key = fileKey(rotated);
        if (key == null || key.equals(followed)) {
            return;
        }
        try (SeekableByteChannel between = Files.newByteChannel(rotated, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            copy(Channels.newInputStream(between), out);
        } catch (IOException e) {
            // rotated away once more meanwhile: nothing left to print
        }
    }

    /** The log's inode (null while a rotation has not yet created the new one). */
    private static Object fileKey(Path log) {
        try {
            return Files.readAttributes(log, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Where the last {@code lines} lines begin, found by reading backwards in blocks, so that a
     * long log is not read whole. A last line without its newline counts as a line.
     */
    static long startOfLastLines(SeekableByteChannel channel, int lines) throws IOException {
        long size = channel.size();
        if (lines == 0) {
            return size;
        }
        ByteBuffer block = ByteBuffer.allocate(TAIL_BLOCK);
        int newlines = 0;
        long end = size;
        boolean first = true;
        while (end > 0) {
            long start = Math.max(0, end - TAIL_BLOCK);
            block.clear().limit((int) (end - start));
            channel.position(start);
            while (block.hasRemaining() && channel.read(block) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) != '\n') {
                    continue;
                }
                if (first && start + i == size - 1) {
                    continue; // the newline that ends the last line
                }
                if (++newlines == lines) {
                    return start + i + 1;
                }
            }
            first = false;
            end = start;
        }
        return ExitCode.OK;
    }

    private static void copy(InputStream in, java.io.PrintWriter out) throws IOException {
        byte[] buffer = in.readAllBytes();
        if (buffer.length > 0) {
            out.print(new String(buffer, StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
