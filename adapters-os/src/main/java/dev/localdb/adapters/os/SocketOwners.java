package dev.localdb.adapters.os;

import dev.localdb.domain.model.ListeningProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which processes have given sockets open: every {@code /proc/<pid>/fd/*} of a socket is a
 * link that reads {@code socket:[<inode>]}. The fds of other users' processes cannot be read
 * (unless we are root), so their sockets stay without an owner rather than being guessed.
 */
final class SocketOwners {
    /** Enough to recognise a program; a JVM's class path alone can be far longer. */
    private static final int MAX_COMMAND_BYTES = 4096;

    private SocketOwners() {
    }

    /** The processes holding each of {@code inodes}; an inode nobody visible holds is absent. */
    static Map<Long, List<ListeningProcess>> of(Path proc, Set<Long> inodes) {
        Map<Long, List<ListeningProcess>> owners = new HashMap<>();
        if (inodes.isEmpty()) {
            return owners;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, SocketOwners::isProcessDirectory)) {
            for (Path process : entries) {
                for (long inode : socketsOf(process, inodes)) {
                    describe(process).ifPresent(p -> owners.computeIfAbsent(inode, i -> new ArrayList<>()).add(p));
                }
            }
        } catch (IOException | SecurityException e) {
            // /proc itself unreadable: every socket stays without an owner
        }
        return owners;
    }

    private static boolean isProcessDirectory(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The wanted inodes among this process's open sockets (a process may hold one socket on two fds). */
    private static Set<Long> socketsOf(Path process, Set<Long> wanted) {
        Set<Long> found = new java.util.TreeSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                inodeOf(fd).filter(wanted::contains).ifPresent(found::add);
            }
        } catch (IOException | SecurityException e) {
            // another user's process, or one that exited while we looked
        }
        return found;
    }

    private static Optional<Long> inodeOf(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Optional.of(Long.parseLong(target.substring(8, target.length() - 1)));
            }
        } catch (IOException | RuntimeException e) {
            // closed meanwhile, or not a link we understand
        }
        return Optional.empty();
    }

    private static Optional<ListeningProcess> describe(Path process) {
        long pid = Long.parseLong(process.getFileName().toString());
        long session = read(process.resolve("stat"), 1024).flatMap(ProcStat::parse).map(ProcStat::session).orElse(0L);
        String command = read(process.resolve("cmdline"), MAX_COMMAND_BYTES).map(SocketOwners::arguments)
                .filter(text -> !text.isBlank())
                .or(() -> read(process.resolve("comm"), 256).map(name -> "[" + name.strip() + "]"))
                .orElse("");
        return pid > 0 ? Optional.of(new ListeningProcess(pid, session, command)) : Optional.empty();
    }

    /** cmdline holds the arguments separated (and ended) by NUL bytes. */
    private static String arguments(String cmdline) {
        String trimmed = cmdline.endsWith("\0") ? cmdline.substring(0, cmdline.length() - 1) : cmdline;
        return trimmed.replace('\0', ' ');
    }

    /** At most {@code limit} bytes, with "..." when there was more; empty when unreadable. */
    private static Optional<String> read(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            String text = new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.UTF_8);
            return Optional.of(bytes.length > limit ? text + "..." : text);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
