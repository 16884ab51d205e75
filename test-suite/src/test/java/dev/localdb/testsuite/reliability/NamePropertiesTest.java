package dev.localdb.testsuite.reliability;

import static dev.localdb.testsuite.reliability.PropertySandbox.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated project names and preferred ports, each through the real CLI (in this JVM) in a fresh
 * sandbox that is walked afterwards: a value is accepted exactly when the documentation says it
 * is valid; an invalid one gets exit code 2 and one clean line and creates nothing at all; a
 * valid one creates nothing outside the home.
 */
class NamePropertiesTest {
    private static final int TRIES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAME_EDGE_CASES = List.of(
            "", " ", ".", "..", "../x", "../../../../tmp/escaped", "a/b", "a\\b", "/etc", "~", "$HOME", "x".repeat(64),
            "x".repeat(65), "\u0000", "a\u0000b", "new\nline", "\u001b[31mred", "-dash", "--", ".hidden", "_under", "UPPER",
            "web", "a", "0", "a.b_c-d", "web ", " web", "w\u00e9b", "\uff57\uff45\uff42", "web\u200b", "\u202ebew",
            "\ud83d\ude00", "web\ud800", "@web", "con", "web/..", "%2e%2e");

    @RegisterExtension
    final WorkingDirectoryGuard workingDirectory = new WorkingDirectoryGuard();
    @TempDir
    Path base;

    @Test
    void projectNamesAreAcceptedExactlyWhenValidAndNeverLeaveTheHome() {
        int checked = StringProperty.of("project names", HostileStrings::projectName, NAME_EDGE_CASES, TRIES).check(name -> {
            try (PropertySandbox sandbox = new PropertySandbox(base)) {
                Result reserved = sandbox.cli().run("port", "--", name);
                Result created = sandbox.cli().run("new", "--", name);
                if (DocumentedSyntax.PROJECT_NAME.matcher(name).matches()) {
                    assertThat(reserved.exitCode()).as(reserved.toString()).isZero();
                    assertThat(reserved.out()).matches("\\d+\\n");
                    assertThat(created.exitCode()).as(created.toString()).isZero();
                    assertThat(PropertySandbox.listing(sandbox.home.resolve("projects"))).containsExactly(name);
                    sandbox.assertNothingOutsideTheHome();
                } else {
                    assertRejected(reserved, "project name");
                    assertRejected(created, "project name");
                    sandbox.assertNothingCreated();
                }
            }
        });
        Figures.record("NamePropertiesTest#projectNames", checked + " names (" + NAME_EDGE_CASES.size()
                + " edge cases + " + TRIES + " generated), 2 commands each, 0 failures");
    }

    @Test
    void preferredPortsAreAcceptedExactlyWhenTheyAreOneTo65535() {
        List<String> edgeCases = List.of("", " ", "0", "1", "65535", "65536", "-1", "+3000", " 3000 ", "3000x", "0x1F", "3e3",
                "3000.0", "\u0663\u0660\u0660\u0660", "99999999999999999999", "3000\n", "\u001b[31m3000");
        int checked = StringProperty.of("preferred ports", random -> random.nextBoolean()
                ? HostileStrings.number(random, HostileStrings.PORT_BOUNDS) : HostileStrings.anyCharacters(random, 12, true), edgeCases, TRIES)
                .check(port -> {
                    try (PropertySandbox sandbox = new PropertySandbox(base)) {
                        Result created = sandbox.cli().run("new", "shop", "--port=" + port);
                        if (DocumentedSyntax.wholeNumberIn(port, 1, 65_535)) {
                            assertThat(created.exitCode()).as(created.toString()).isZero();
                            assertThat(JSON.readTree(sandbox.home.resolve("projects/shop/project.json").toFile())
                                    .get("preferredPort").asLong()).isEqualTo(new BigInteger(port.trim()).longValueExact());
                            sandbox.assertNothingOutsideTheHome();
                        } else {
                            assertRejected(created, "port");
                            sandbox.assertNothingCreated();
                        }
                    }
                });
        Figures.record("NamePropertiesTest#preferredPorts", checked + " values, 0 failures");
    }
}
