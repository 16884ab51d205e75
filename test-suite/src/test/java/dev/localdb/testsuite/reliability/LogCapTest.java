package dev.localdb.testsuite.reliability;

import dev.localdb.testsuite.support.PlatformUnderTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13 item 9 through {@code bin/localdb}: with {@code logs.maxBytes} set, a server that logs
 * without end keeps {@code runtime/<project>.log} under the cap with one rotated file, and
 * {@code logs -f} follows it across every rotation without losing a line.
 */
class LogCapTest {
    private static final int CAP = 131_072;
    /**
     * Listens on its port, and logs 100-byte numbered lines in bursts of 100 KB a second: two
     * rotations within one of logs -f's looks (200 ms), which it must follow without a gap.
     */
    private static final String CHATTY = "python3 -m http.server \"$PORT\" --bind 127.0.0.1 > /dev/null 2>&1 & i=0; while :; do i=$((i+1));"
            + " printf 'line %08d %s\\n' \"$i\" 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234;"
            + " [ $((i % 1000)) -eq 0 ] && sleep 1; done";
    private static final Pattern LINE = Pattern.compile("^line (\\d{8}) ", Pattern.MULTILINE);

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void aChattyServersLogStaysUnderTheCapAndLogsFollowsItAcrossRotations() throws Exception {
        PlatformUnderTest.assumeRotationWhileRunning();
        LocalDbRunner localdb = sandbox.localdb().env("LOCALDB_LOGS_MAX_BYTES", Integer.toString(CAP));
        assertThat(localdb.run("new", "chatty", "--command", CHATTY).exitCode()).isZero();
        LocalDbRunner.Started follow = localdb.start("logs", "chatty", "-f");
        try {
            LocalDbRunner.Result started = localdb.run("start", "chatty", "--no-browser");
            assertThat(started.exitCode()).as(started.toString()).isZero();

            Path log = sandbox.home().resolve("runtime/chatty.log");
            Path rotated = sandbox.home().resolve("runtime/chatty.log.1");
            Poll.until("5 caps' worth followed", Duration.ofSeconds(60), () -> numbers(read(follow.out())).size() > 5 * CAP / 100);

            assertThat(Files.size(log)).isLessThanOrEqualTo(CAP);
            assertThat(Files.size(rotated)).isLessThanOrEqualTo(CAP).isPositive();
            List<Long> followed = numbers(read(follow.out()));
            // logs -f may begin after the first rotation (it looks for the log every 200 ms); from there on, no gap.
            for (int i = 0; i < followed.size(); i++) {
                assertThat(followed.get(i)).as("line %d of what logs -f printed", i).isEqualTo(followed.get(0) + i);
            }
        } finally {
            follow.process().destroyForcibly();
            follow.await();
        }
    }

    private static List<Long> numbers(String text) {
        Matcher m = LINE.matcher(text);
        List<Long> numbers = new java.util.ArrayList<>();
        while (m.find()) {
            numbers.add(Long.parseLong(m.group(1)));
        }
        return numbers;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
