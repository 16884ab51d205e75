package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the end of a server log: only the tail, only the latest start, safe to print. */
class ServerLogFileTest {
    @TempDir
    Path runtime;

    @Test
    void onlyTheEndOfAHugeLogIsRead() throws Exception {
        String lines = IntStream.range(0, 200_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        ServerLogFile log = new ServerLogFile(Files.writeString(runtime.resolve("huge.log"), lines));

        List<String> tail = log.lastLines(Integer.MAX_VALUE);

        assertThat(tail).as("what fits in the last %d bytes", ServerLogFile.TAIL_BYTES).hasSizeBetween(1000, 20_000);
        assertThat(tail).as("no line cut in half").allMatch(line -> line.matches("line \\d+"));
        assertThat(tail.get(tail.size() - 1)).isEqualTo("line 199999");
        assertThat(log.lastLines(2)).containsExactly("line 199998", "line 199999");
    }

    @Test
    void aStartMakesTheRuntimeFolder0700AndTheLog0600() throws Exception {
        ServerLogFile log = new ServerLogFile(runtime.resolve("runtime/shop.log"));

        log.beginStart("shop");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.resolve("runtime")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.path()))).isEqualTo("rw-------");
    }

    @Test
    void onlyTheLinesOfTheLatestStartAreShown() throws Exception {
        ServerLogFile log = new ServerLogFile(runtime.resolve("twice.log"));
        log.beginStart("twice on port 3000");
        Files.writeString(log.path(), "old failure\n", StandardOpenOption.APPEND);
        log.beginStart("twice on port 3000");
        Files.writeString(log.path(), "new failure\nits cause\n", StandardOpenOption.APPEND);

        assertThat(log.lastLines(10)).containsExactly("new failure", "its cause");
        assertThat(log.lastLines(1)).containsExactly("its cause");
    }

    @Test
    void aLineWithoutItsNewlineIsShownToo() throws Exception {
        ServerLogFile log = new ServerLogFile(Files.writeString(runtime.resolve("cut.log"), "one\ntwo"));

        assertThat(log.lastLines(5)).containsExactly("one", "two");
    }

    @Test
    void linesAreSafeToPrint() throws Exception {
        ServerLogFile log = new ServerLogFile(Files.write(runtime.resolve("colours.log"),
                "\u001b[31mred\u001b[0m error\u0007\tand a tab\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(log.lastLines(5)).containsExactly("red error?\tand a tab");
    }

    @Test
    void aLogThatDoesNotExistHasNoLines() {
        ServerLogFile log = new ServerLogFile(runtime.resolve("sub/never.log"));

        assertThat(log.lastLines(5)).isEmpty();
        assertThat(log.lastLines(0)).isEmpty();
        assertThat(runtime.resolve("sub")).doesNotExist();
    }
}
