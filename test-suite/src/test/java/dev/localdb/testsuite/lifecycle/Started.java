package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code localdb start} printed about the server it started. */
record Started(int port, long pid) {
    private static final Pattern URL = Pattern.compile("URL: http://localhost:(\\d+)\\n");
    private static final Pattern PID = Pattern.compile("PID: (\\d+)\\n");

    /** Fails the test unless {@code start} succeeded and printed the URL and the PID. */
    static Started from(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("✓ Project \"");
        return new Started(Integer.parseInt(group(URL, result)), Long.parseLong(group(PID, result)));
    }

    String url() {
        return "http://localhost:" + port;
    }

    private static String group(Pattern pattern, Result result) {
        Matcher matcher = pattern.matcher(result.out());
        assertThat(matcher.find()).as("%s in %s", pattern, result).isTrue();
        return matcher.group(1);
    }
}
