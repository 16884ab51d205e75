package dev.localdb.testsuite.support;

import org.junit.jupiter.api.Assumptions;

/**
 * The platform mode the CLIs under test run in: whatever LOCALDB_PLATFORM the test JVM has
 * (-DlocaldbPlatform=portable sets it, .ci/run's second pass), which every CLI it starts inherits.
 * Tests of what only a mode with a listener lookup can show skip themselves in the portable mode,
 * saying why; docs/PLATFORMS.md lists them.
 */
public final class PlatformUnderTest {
    public static final String ENV = "LOCALDB_PLATFORM";

    private PlatformUnderTest() {
    }

    public static boolean portable() {
        return mode().equals("portable");
    }

    /** LOCALDB_PLATFORM as the CLI reads it: empty or "auto" when nothing is forced. */
    private static String mode() {
        return System.getenv().getOrDefault(ENV, "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Skips a test that needs to see who listens on a port, which the JDK alone cannot. */
    public static void assumeListenersVisible() {
        Assumptions.assumeFalse(portable(), "portable mode (LOCALDB_PLATFORM=portable): the JDK cannot tell who listens on a port");
    }

    /** Skips a test that writes an owner the way the linux mode records one (/proc start ticks and boot_id). */
    public static void assumeProcIdentity() {
        Assumptions.assumeTrue(linux(), "LOCALDB_PLATFORM=" + mode()
                + ": the test writes a /proc identity (clock ticks, boot_id), which other modes record differently");
    }

    /** Skips a test of a log rotated while its server runs, which needs the split(1) pipe the portable mode does without. */
    public static void assumeRotationWhileRunning() {
        Assumptions.assumeFalse(portable(), "portable mode (LOCALDB_PLATFORM=portable): logs are rotated at start only");
    }

    private static boolean linux() {
        return mode().isEmpty() || mode().equals("auto") || mode().equals("linux");
    }

    /** Skips a test of /proc sessions (a dead wrapper's session living on), which only the linux mode reads. */
    public static void assumeProcSessions() {
        Assumptions.assumeTrue(linux(),
                "LOCALDB_PLATFORM=" + mode() + ": only the linux mode reads /proc, so no session of a dead wrapper is seen");
    }
}
