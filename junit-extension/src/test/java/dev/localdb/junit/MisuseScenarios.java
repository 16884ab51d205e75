package dev.localdb.junit;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong uses of @LocalDbPort; each must fail with one clear line and reserve nothing. */
final class MisuseScenarios {
    private MisuseScenarios() {
    }

    @OnlyAsScenario
    static class StringField {
        @LocalDbPort
        String port;

        @Test
        void test() {
            Observations.record("unexpected", Map.of());
        }
    }

    @OnlyAsScenario
    static class FinalField {
        @LocalDbPort
        final int port = 0;

        @Test
        void test() {
            Observations.record("unexpected", Map.of("field", port));
        }
    }

    @OnlyAsScenario
    static class LongParameter {
        @Test
        void test(@LocalDbPort long port) {
            Observations.record("unexpected", Map.of());
        }
    }

    @OnlyAsScenario
    static class BackwardsRange {
        @LocalDbPort(ranges = "20999-20000")
        int port;

        @Test
        void test() {
            Observations.record("unexpected", Map.of("field", port));
        }
    }

    /** Also run with a relative localdb.home. */
    @OnlyAsScenario
    static class PlainParameter {
        @Test
        void test(@LocalDbPort int port) {
            Observations.record("test", Map.of("param", port));
        }
    }
}
