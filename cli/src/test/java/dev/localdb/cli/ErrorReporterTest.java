package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.error.ConfigUnusableException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.error.ProjectInUseException;
import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.ProjectName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process runs of the configured command line: exit codes and one-line errors. */
class ErrorReporterTest {
    @TempDir
    Path home;

    @Test
    void aDomainErrorIsOneLineWithItsExitCodeAndNoTrace() {
        Run run = run("port", "../x");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: Invalid project name");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = run("port", "../x", "--verbose");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("InvalidInputException").contains("\tat ");
    }

    @Test
    void anExhaustedRangeExitsWith3() {
        Run first = run(Map.of("LOCALDB_PORT_RANGES", "1-1"), "port", "a");
        Run second = run(Map.of("LOCALDB_PORT_RANGES", "1-1"), "port", "b");

        assertThat(first.code() == 0 ? second.code() : first.code()).isEqualTo(ExitCode.NO_FREE_PORT);
        assertThat(second.err() + first.err()).contains("No free port in 1-1 (1 ports)");
    }

    @Test
    void creatingAProjectTwiceIsBadInputWithTheExistsMessage() {
        assertThat(run("new", "shop").code()).isEqualTo(ExitCode.OK);

        Run again = run("new", "shop");

        assertThat(again.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(again.err().lines()).hasSize(1).first().asString()
                .isEqualTo("error: Project \"shop\" exists already: use a different name or 'localdb start shop'.");
    }

    @Test
    void eachDomainErrorHasItsOwnExitCode() {
        assertThat(ErrorReporter.exitCodeOf(new ProjectExistsException(ProjectName.of("shop")))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ErrorReporter.exitCodeOf(new ProjectInUseException("Project web is already served")))
                .as("another process serving the project is not the user's typo")
                .isEqualTo(ExitCode.PROJECT_IN_USE)
                .isNotEqualTo(ExitCode.BAD_INPUT);
        assertThat(ErrorReporter.exitCodeOf(new StateUnusableException("Cannot write the log"))).isEqualTo(ExitCode.REGISTRY_UNAVAILABLE);
        assertThat(ErrorReporter.exitCodeOf(new RegistryUnusableException("Registry is a symbolic link")))
                .isEqualTo(ExitCode.REGISTRY_UNAVAILABLE);
        assertThat(ErrorReporter.exitCodeOf(new ConfigUnusableException("Config file is a symbolic link")))
                .isEqualTo(ExitCode.REGISTRY_UNAVAILABLE);
    }

    @Test
    void theHelpFooterListsEveryExitCode() {
        Run help = run("--help");

        assertThat(help.out().replaceAll("\\s+", " ")).contains("2 bad input").contains("6 project in use by another process")
                .contains("127 when the command is not found");
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> extraEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("LOCALDB_HOME", home.toString());
        int code = LocalDbCli.run(args, env, "/nonexistent", new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
