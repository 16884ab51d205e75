package dev.localdb.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.cli.LocalDbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source <(localdb completion zsh)} in a real zsh (.ci/run installs it): it loads compinit
 * and bashcompinit itself, registers the completion, and the same functions offer project names.
 */
class ZshCompletionTest {
    @TempDir
    Path temp;

    @BeforeEach
    void needsZsh() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
                "zsh is needed (apt-get install zsh; .ci/run installs it)");
    }

    @Test
    void aPlainZshSourcesTheScriptSilentlyAndCompletesProjectNames() throws Exception {
        Path home = Files.createDirectory(temp.resolve("home"));
        Path zshHome = Files.createDirectory(temp.resolve("zsh")); // compinit writes its .zcompdump here
        int code = LocalDbCli.run(new String[] {"new", "web"}, Map.of("LOCALDB_HOME", home.toString()), home.toString(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        Path script = Shell.script("zsh", Files.createDirectory(temp.resolve("script")));
        Map<String, String> env = Map.of("LOCALDB_HOME", home.toString(), "HOME", zshHome.toString(), "ZDOTDIR", zshHome.toString());

        Shell.Result sourced = Shell.run(List.of("zsh", "-f", "-c",
                "source \"$1\" && print -r -- \"$_comps[localdb]\" && whence -w _localdb_complete", "zsh", script.toString()), env);

        assertThat(sourced.exitCode()).as(sourced.toString()).isZero();
        assertThat(sourced.err()).isEmpty();
        assertThat(sourced.out()).contains("_bash_complete -F _localdb_complete").contains("_localdb_complete: function");
        assertThat(Shell.complete("zsh", script, env, "localdb", "start", "")).containsExactly("web");
        assertThat(Shell.complete("zsh", script, env, "localdb", "start", "--timeout", "")).isEmpty();
        // no projects folder at all: an empty glob, which plain zsh would report as an error
        Map<String, String> emptyHome = Map.of("LOCALDB_HOME", temp.resolve("nothing").toString(), "HOME", zshHome.toString(),
                "ZDOTDIR", zshHome.toString());
        assertThat(Shell.complete("zsh", script, emptyHome, "localdb", "start", "")).isEmpty();
    }
}
