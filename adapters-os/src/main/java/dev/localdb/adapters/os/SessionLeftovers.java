package dev.localdb.adapters.os;

import dev.localdb.domain.model.ProcessIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the processes a dead session leader left behind, from {@code /proc}. Servers are started
 * with setsid, so everything they start carries their PID as session id. Linux never hands out a
 * PID that is still some session's id, so while such processes exist the id cannot belong to a
 * newer session; requiring a start time no earlier than the leader's and the same boot rules out
 * anything else. Where there is no {@code /proc}, nothing is found.
 */
final class SessionLeftovers {
    private static final Path PROC = Path.of("/proc");

    private SessionLeftovers() {
    }

    static List<ProcessHandle> of(ProcessIdentity deadLeader, String currentBootId) {
        if (!deadLeader.bootId().equals(currentBootId) || !Files.isDirectory(PROC)) {
            return List.of();
        }
        try (Stream<Long> pids = pids()) {
            return pids.filter(pid -> pid != deadLeader.pid() && belongsTo(pid, deadLeader))
                    .flatMap(pid -> ProcessHandle.of(pid).stream())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * For every session with a live member other than its leader: the latest start time among
     * those members. One pass over {@code /proc}; empty where there is none.
     */
    static Map<Long, Long> latestMemberStarts() {
        if (!Files.isDirectory(PROC)) {
            return Map.of();
        }
        Map<Long, Long> latest = new HashMap<>();
        try (Stream<Long> pids = pids()) {
            pids.forEach(pid -> stat(pid).filter(stat -> !stat.hasExited() && stat.session() != pid)
                    .ifPresent(stat -> latest.merge(stat.session(), stat.startTicks(), Math::max)));
        } catch (IOException e) {
            return Map.of();
        }
        return latest;
    }

    /** Every process's PID, from the numbered entries of {@code /proc}; the caller closes the stream. */
    private static Stream<Long> pids() throws IOException {
        return Files.list(PROC).map(entry -> entry.getFileName().toString())
                .filter(name -> name.chars().allMatch(Character::isDigit))
                .map(Long::parseLong);
    }

    private static boolean belongsTo(long pid, ProcessIdentity leader) {
        return stat(pid).filter(stat -> !stat.hasExited()
                        && stat.session() == leader.pid()
                        && stat.startTicks() >= leader.startTime())
                .isPresent();
    }

    private static Optional<ProcStat> stat(long pid) {
        try {
            return ProcStat.parse(new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat")),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException goneMeanwhile) {
            return Optional.empty();
        }
    }
}
