package dev.localdb.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.cli.LocalDbCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code source <(localdb completion bash)} in a real bash, then TAB as bash would call it. */
class BashCompletionTest {
    @TempDir
    Path temp;
    private Path home;
    private Path script;

    @BeforeEach
    void projectsAndTheScript() throws IOException {
        home = Files.createDirectory(temp.resolve("home"));
        localdb("new", "web");
        localdb("new", "api");
        localdb("port", "tool"); // in the registry only: no folder
        Files.createDirectories(home.resolve("projects").resolve("Not A Project")); // not a valid name: never offered
        script = Shell.script("bash", Files.createDirectory(temp.resolve("script")));
    }

    @Test
    void sourcingTheScriptIsSilent() throws Exception {
        Shell.Result sourced = Shell.run(List.of("bash", "--norc", "--noprofile", "-c", "source \"$1\" && complete -p localdb", "bash",
                script.toString()), env());

        assertThat(sourced.exitCode()).as(sourced.toString()).isZero();
        assertThat(sourced.err()).isEmpty();
        assertThat(sourced.out()).contains("-F _localdb_complete").contains("-o default");
    }

    @Test
    void commandsComplete() throws Exception {
        assertThat(complete("localdb", "st")).containsExactlyInAnyOrder("start", "status", "stop");
        assertThat(complete("localdb", "")).contains("new", "start", "ports", "completion").doesNotContain("serve");
    }

    @Test
    void optionsComplete() throws Exception {
        assertThat(complete("localdb", "ports", "--")).contains("--json", "--cleanup", "--no-color", "--verbose", "--help")
                .allMatch(word -> word.startsWith("--"));
        assertThat(complete("localdb", "start", "--t")).containsExactly("--timeout");
    }

    @Test
    void projectNamesCompleteFromTheProjectFolders() throws Exception {
        assertThat(complete("localdb", "start", "")).containsExactlyInAnyOrder("api", "web");
        assertThat(complete("localdb", "start", "w")).containsExactly("web");
        assertThat(complete("localdb", "stop", "--all", "")).containsExactlyInAnyOrder("api", "web");
        assertThat(complete("localdb", "start", "--timeout", "5", "")).containsExactlyInAnyOrder("api", "web");
    }

    @Test
    void portAndReleaseAlsoOfferProjectsThatOnlyHoldAPort() throws Exception {
        assertThat(complete("localdb", "port", "")).containsExactlyInAnyOrder("api", "tool", "web");
        assertThat(complete("localdb", "release", "t")).containsExactly("tool");
    }

    @Test
    void noProjectNamesWhereNoProjectGoes() throws Exception {
        assertThat(complete("localdb", "start", "--timeout", "")).isEmpty(); // the option's value
        assertThat(complete("localdb", "start", "web", "")).isEmpty();      // the project is given already
        assertThat(complete("localdb", "new", "")).isEmpty();               // a new name, not an existing one
        assertThat(complete("localdb", "ports", "")).isEmpty();
        assertThat(complete("localdb", "completion", "")).containsExactlyInAnyOrder("bash", "zsh");
    }

    @Test
    void withoutLocalDbHomeTheNamesComeFromTheDefaultHome() throws Exception {
        Path userHome = Files.createDirectory(temp.resolve("user"));
        Files.createDirectories(userHome.resolve(".localdb/projects/blog"));

        List<String> words = Shell.complete("bash", script, Map.of("HOME", userHome.toString()), "localdb", "start", "");

        assertThat(words).containsExactly("blog");
    }

    @Test
    void anUnknownShellIsOneLineAndExitCode2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(new String[] {"completion", "fish"}, Map.of("LOCALDB_HOME", home.toString()), home.toString(),
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("error: Unknown shell \"fish\": localdb completes bash and zsh, e.g. 'source <(localdb completion bash)'.");
    }

    private List<String> complete(String... words) throws IOException, InterruptedException {
        return Shell.complete("bash", script, env(), words);
    }

    private Map<String, String> env() {
        return Map.of("LOCALDB_HOME", home.toString(), "HOME", temp.toString());
    }

    private void localdb(String... args) {
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, Map.of("LOCALDB_HOME", home.toString()), home.toString(), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).as("localdb %s: %s", String.join(" ", args), err).isZero();
    }
}
