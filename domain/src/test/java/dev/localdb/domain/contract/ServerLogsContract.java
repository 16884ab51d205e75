package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLogs;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServerLogs} must do, run against the runtime folder's files and the in-memory
 * fake alike. The hooks write, rotate and truncate the log the way a server and logs.maxBytes do.
 */
public abstract class ServerLogsContract {
    protected static final ProjectName WEB = ProjectName.of("web");
    protected static final ProjectName SHOP = ProjectName.of("shop");

    protected abstract ServerLogs logs();

    /** The server writes: appended to the project's log, which is created if missing. */
    protected abstract void write(ProjectName project, String text);

    /** As logs.maxBytes does: the log becomes the rotated one (replacing the one before) and a new, empty log begins. */
    protected abstract void rotate(ProjectName project);

    /** Someone empties the log in place. */
    protected abstract void truncate(ProjectName project);

    @Test
    void aProjectWhoseServerWroteNothingHasNoLog() {
        assertThat(logs().exists(WEB)).isFalse();
        assertThatThrownBy(() -> logs().open(WEB, OptionalInt.empty())).isInstanceOf(StateUnusableException.class);
        logs().delete(WEB); // nothing to delete is no error
        assertThat(logs().exists(WEB)).isFalse();
    }

    @Test
    void aLogIsReadWholeThenAsItGrows() {
        write(WEB, "one\ntwo\n");
        assertThat(logs().exists(WEB)).isTrue();
        try (ServerLogs.Reading reading = logs().open(WEB, OptionalInt.empty())) {
            assertThat(reading.read()).isEqualTo("one\ntwo\n");
            assertThat(reading.read()).as("nothing new").isEmpty();
            write(WEB, "three\n");
            assertThat(reading.read()).isEqualTo("three\n");
        }
    }

    @Test
    void theLastLinesBeginWhereTheyBegin() {
        write(WEB, "1\n2\n3\n4\n");
        assertThat(readFromLastLines(WEB, 2)).isEqualTo("3\n4\n");
        assertThat(readFromLastLines(WEB, 1)).isEqualTo("4\n");
        assertThat(readFromLastLines(WEB, 0)).isEmpty();
        assertThat(readFromLastLines(WEB, 99)).as("more than there are: all").isEqualTo("1\n2\n3\n4\n");
        write(SHOP, "a\nb\nunfinished");
        assertThat(readFromLastLines(SHOP, 2)).as("a last line without its newline counts").isEqualTo("b\nunfinished");
    }

    @Test
    void theLastLinesOfALogLongerThanOneReadingBlock() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append("line ").append(i).append('\n');
        }
        write(WEB, text.toString());
        assertThat(readFromLastLines(WEB, 3)).isEqualTo("line 4998\nline 4999\nline 5000\n");
        assertThat(readFromLastLines(WEB, 5000)).isEqualTo(text.toString());
    }

    @Test
    void aTruncatedLogIsReadFromItsBeginningAgain() {
        write(WEB, "a long first line\n");
        try (ServerLogs.Reading reading = logs().open(WEB, OptionalInt.empty())) {
            assertThat(reading.read()).isEqualTo("a long first line\n");
            truncate(WEB);
            write(WEB, "new\n");
            assertThat(reading.read()).isEqualTo("new\n");
        }
    }

    @Test
    void aRotatedLogIsReadToItsEndThenTheNewOne() {
        write(WEB, "one\n");
        try (ServerLogs.Reading reading = logs().open(WEB, OptionalInt.empty())) {
            assertThat(reading.read()).isEqualTo("one\n");
            write(WEB, "two\n");
            rotate(WEB);
            write(WEB, "three\n");
            assertThat(reading.read()).isEqualTo("two\nthree\n");
            write(WEB, "four\n");
            assertThat(reading.read()).isEqualTo("four\n");
        }
    }

    @Test
    void twoRotationsBetweenReadsLoseNoLine() {
        write(WEB, "one\n");
        try (ServerLogs.Reading reading = logs().open(WEB, OptionalInt.empty())) {
            assertThat(reading.read()).isEqualTo("one\n");
            write(WEB, "two\n");
            rotate(WEB);
            write(WEB, "in between\n");
            rotate(WEB);
            write(WEB, "new\n");
            assertThat(reading.read()).isEqualTo("two\nin between\nnew\n");
        }
    }

    @Test
    void deletingALogLeavesOtherProjectsLogsAlone() {
        write(WEB, "old\n");
        rotate(WEB);
        write(WEB, "current\n");
        write(SHOP, "shop\n");

        logs().delete(WEB);

        assertThat(logs().exists(WEB)).isFalse();
        assertThat(logs().exists(SHOP)).isTrue();
        assertThat(readFromLastLines(SHOP, 10)).isEqualTo("shop\n");
        write(WEB, "fresh\n");
        assertThat(readFromLastLines(WEB, 10)).as("a new log starts empty").isEqualTo("fresh\n");
    }

    private String readFromLastLines(ProjectName project, int lines) {
        try (ServerLogs.Reading reading = logs().open(project, OptionalInt.of(lines))) {
            return reading.read();
        }
    }
}
