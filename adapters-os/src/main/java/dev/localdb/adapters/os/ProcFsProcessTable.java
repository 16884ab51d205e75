package dev.localdb.adapters.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Linux's process table as the kernel shows it under {@code /proc}: start times in clock ticks since
 * boot and the random id the kernel draws at every boot. Both are exact and cheap to read.
 */
final class ProcFsProcessTable implements ProcessTable {
    private static final Path PROC = Path.of("/proc");
    private static final Path BOOT_ID = Path.of("sys", "kernel", "random", "boot_id");

    private final Path proc;

    ProcFsProcessTable() {
        this(PROC);
    }

    /** Reads another directory laid out like /proc (tests use one for odd stat lines). */
    ProcFsProcessTable(Path proc) {
        this.proc = proc;
    }

    static boolean isAvailable() {
        return Files.isReadable(PROC.resolve("self").resolve("stat")) && Files.isReadable(PROC.resolve(BOOT_ID));
    }

    @Override
    public OptionalLong startTimeOf(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        Optional<ProcStat> stat = read(proc.resolve(Long.toString(pid)).resolve("stat")).flatMap(ProcStat::parse);
        return stat.isPresent() && !stat.get().hasExited()
                ? OptionalLong.of(stat.get().startTicks())
                : OptionalLong.empty();
    }

    @Override
    public String bootId() {
        return read(proc.resolve(BOOT_ID))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .orElse(ProcessHandleTable.UNKNOWN_BOOT);
    }

    /**
     * Empty when the file is gone, which is how a process that exits while we look shows up. The
     * command name in a stat line may hold any bytes, so they are read one char per byte.
     */
    private static Optional<String> read(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sessions are read from the real /proc, whose start ticks are this table's units. */
    @Override
    public Map<Long, Long> latestSessionMemberStarts() {
        return SessionLeftovers.latestMemberStarts();
    }
}
