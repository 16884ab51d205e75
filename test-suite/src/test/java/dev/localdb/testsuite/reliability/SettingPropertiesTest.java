package dev.localdb.testsuite.reliability;

import static dev.localdb.testsuite.reliability.PropertySandbox.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated values for the settings localdb reads from the environment ({@code LOCALDB_PORT_RANGES},
 * {@code LOCALDB_LOCK_TIMEOUT_MS}, a relative {@code LOCALDB_HOME}), each through the real CLI
 * (in this JVM) in a fresh sandbox: a value is accepted exactly when the documentation says it is
 * valid; an invalid one gets exit code 2, one clean line naming the variable, and creates nothing
 * at all, neither in the sandbox nor in the working directory.
 */
class SettingPropertiesTest {
    private static final int TRIES = 200;
    private static final long[] TIMEOUT_BOUNDS = {0, 1, 600_000, 600_001, Integer.MAX_VALUE, Long.MAX_VALUE};

    @RegisterExtension
    final WorkingDirectoryGuard workingDirectory = new WorkingDirectoryGuard();
    @TempDir
    Path base;

    @Test
    void portRangesAreAcceptedExactlyWhenEveryRangeIsValidAndPortsComeFromThem() {
        List<String> edgeCases = List.of("", " ", "3000", "3000-3000", "3001-3000", "0-10", "65535-65536", "-", "3000-", "-3000",
                "3000--3001", "3000-3010,", ",3000", "3000,,3001", " 3000 - 3010 , 4000-4001 ", "a-b", "3000-3010;4000",
                "\u001b[31m3000-3010", "3000-3010\n4000-4010", "1-65535", "+3000-+3001");
        int checked = StringProperty.of("LOCALDB_PORT_RANGES", SettingPropertiesTest::ranges, edgeCases, TRIES)
                .check(text -> {
            try (PropertySandbox sandbox = new PropertySandbox(base)) {
                Result reserved = sandbox.cli().env("LOCALDB_PORT_RANGES", text).run("port", "web");
                List<long[]> ranges = DocumentedSyntax.parseRanges(text);
                if (ranges == null) {
                    assertRejected(reserved, "LOCALDB_PORT_RANGES=\"");
                    sandbox.assertNothingCreated();
                } else {
                    assertThat(reserved.exitCode()).as("0, or 3 when every port is taken: " + reserved).isIn(0, 3);
                    if (reserved.exitCode() == 0 && !ranges.isEmpty()) {
                        long port = Long.parseLong(reserved.out().trim());
                        assertThat(ranges).as("port %d from the configured ranges", port)
                                .anySatisfy(range -> assertThat(port).isBetween(range[0], range[1]));
                    }
                    sandbox.assertNothingOutsideTheHome();
                }
            }
        });
        Figures.record("SettingPropertiesTest#portRanges", checked + " values, 0 failures");
    }

    @Test
    void lockTimeoutsAreAcceptedExactlyWhenTheyAreOneTo600000Milliseconds() {
        List<String> edgeCases = List.of("", " ", "0", "1", "600000", "600001", "-1", " 250 ", "+250", "1e3", "1.5", "ten",
                "99999999999999999999", "250\u001b[2J");
        int checked = StringProperty.of("LOCALDB_LOCK_TIMEOUT_MS", random -> random.nextBoolean()
                ? envValue(HostileStrings.number(random, TIMEOUT_BOUNDS)) : HostileStrings.anyCharacters(random, 12, false),
                edgeCases, TRIES)
                .check(text -> {
                    try (PropertySandbox sandbox = new PropertySandbox(base)) {
                        Result reserved = sandbox.cli().env("LOCALDB_LOCK_TIMEOUT_MS", text).run("port", "web");
                        if (text.isBlank() || DocumentedSyntax.wholeNumberIn(text, 1, 600_000)) {
                            assertThat(reserved.exitCode()).as(reserved.toString()).isZero();
                            sandbox.assertNothingOutsideTheHome();
                        } else {
                            assertRejected(reserved, "LOCALDB_LOCK_TIMEOUT_MS=\"");
                            sandbox.assertNothingCreated();
                        }
                    }
                });
        Figures.record("SettingPropertiesTest#lockTimeouts", checked + " values, 0 failures");
    }

    @Test
    void aRelativeHomeIsRejectedAndCreatesNothingAnywhere() {
        List<String> edgeCases = List.of(".", "..", "home", "./home", "../home", "~/home", "$HOME/x", "a/../../b", "\u001b[31mred",
                "new\nline", " /leading-space");
        int checked = StringProperty.of("relative LOCALDB_HOME", random -> {
            String home = random.nextBoolean() ? envValue(HostileStrings.pieces(random))
                    : HostileStrings.anyCharacters(random, 30, false);
            return home.isBlank() || home.startsWith("/") ? "x" + home : home;
        }, edgeCases, TRIES / 2).check(home -> {
            if (home.isBlank() || home.startsWith("/") || home.indexOf('\u0000') >= 0) {
                return; // outside this property (shrinking may try it): blank means ~/.localdb, "/" is absolute
            }
            try (PropertySandbox sandbox = new PropertySandbox(base)) {
                Result reserved = sandbox.cli().env("LOCALDB_HOME", home).run("port", "web");
                assertRejected(reserved, "LOCALDB_HOME");
                assertThat(reserved.err()).containsAnyOf("must be an absolute path", "is not a path this system can use");
                sandbox.assertNothingCreated();
            }
        });
        Figures.record("SettingPropertiesTest#relativeHomes", checked + " values, 0 failures");
    }

    /** An environment variable can hold anything but NUL, which ends it. */
    private static String envValue(String text) {
        return text.replace('\u0000', '?');
    }

    private static String ranges(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return random.nextBoolean() ? envValue(HostileStrings.pieces(random)) : HostileStrings.anyCharacters(random, 20, false);
        }
        List<String> parts = new ArrayList<>();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            String first = HostileStrings.number(random, HostileStrings.PORT_BOUNDS);
            String last = HostileStrings.number(random, HostileStrings.PORT_BOUNDS);
            parts.add(random.nextInt(5) == 0 ? first : first + (random.nextBoolean() ? "-" : " - ") + last);
        }
        return envValue(String.join(",", parts) + (random.nextInt(6) == 0 ? "," : ""));
    }
}
