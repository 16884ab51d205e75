package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading stat lines the kernel can really produce, from a directory laid out like /proc: command
 * names with spaces, parentheses and non-UTF-8 bytes, zombies, and processes that are gone.
 */
class ProcFsProcessTableTest {
    @TempDir
    Path proc;
    private ProcFsProcessTable table;

    @BeforeEach
    void createTable() {
        table = new ProcFsProcessTable(proc);
    }

    @Test
    void readsTheStartTimeOfARunningProcess() throws IOException {
        writeStat(4242, "node", 'S', 987_654);

        assertThat(table.startTimeOf(4242)).hasValue(987_654);
    }

    @Test
    void countsFieldsFromTheLastParenthesisSoOddCommandNamesDoNotShiftThem() throws IOException {
        writeStat(4242, "a) b (c d) 1 2", 'R', 555);

        assertThat(table.startTimeOf(4242)).hasValue(555);
    }

    @Test
    void acceptsCommandNamesThatAreNotUtf8() throws IOException {
        byte[] name = {'x', (byte) 0xff, (byte) 0xc3, ')', ' '};
        Path dir = Files.createDirectories(proc.resolve("4242"));
        byte[] rest = " S 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 777 9420800 200\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("stat"), concat("4242 (".getBytes(StandardCharsets.US_ASCII), name, ")".getBytes(StandardCharsets.US_ASCII), rest));

        assertThat(table.startTimeOf(4242)).hasValue(777);
    }

    @Test
    void aZombieHasNoStartTimeBecauseItHasExited() throws IOException {
        writeStat(4242, "server", 'Z', 555);
        writeStat(4343, "server", 'X', 556);

        assertThat(table.startTimeOf(4242)).isEmpty();
        assertThat(table.startTimeOf(4343)).isEmpty();
    }

    @Test
    void aMissingOrUnreadableProcessIsNotRunning() throws IOException {
        Files.createDirectories(proc.resolve("77"));
        Files.writeString(proc.resolve("77").resolve("stat"), "77 (cut off");

        assertThat(table.startTimeOf(4242)).isEmpty();
        assertThat(table.startTimeOf(77)).isEmpty();
        assertThat(table.startTimeOf(0)).isEmpty();
        assertThat(table.startTimeOf(-1)).isEmpty();
    }

    @Test
    void readsTheBootIdWithoutItsNewline() throws IOException {
        Path file = Files.createDirectories(proc.resolve("sys/kernel/random")).resolve("boot_id");
        Files.writeString(file, "263fb941-d103-4d1e-9072-8be8a19a43e5\n");

        assertThat(table.bootId()).isEqualTo("263fb941-d103-4d1e-9072-8be8a19a43e5");
    }

    @Test
    void withoutABootIdTheBootIsUnknown() {
        assertThat(table.bootId()).isEqualTo(ProcessHandleTable.UNKNOWN_BOOT);
    }

    /** A stat line shaped like the kernel's: field 3 is the state, field 22 the start time. */
    static void writeStat(Path proc, long pid, String comm, char state, long startTicks) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") " + state
                + " 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 " + startTicks + " 9420800 200 18446744073709551615\n");
    }

    private void writeStat(long pid, String comm, char state, long startTicks) throws IOException {
        writeStat(proc, pid, comm, state, startTicks);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
