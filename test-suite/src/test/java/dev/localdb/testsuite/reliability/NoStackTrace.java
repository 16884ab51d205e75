package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

/** Users get a line saying what is wrong and what to do, never Java's insides. */
final class NoStackTrace {
    private NoStackTrace() {
    }

    static void in(String text) {
        assertThat(text).as("no stack trace or exception name")
                .doesNotContainPattern("\\n\\s+at [\\w.$]+\\(")
                .doesNotContain("Exception")
                .doesNotContain("dev.localdb.");
    }
}
