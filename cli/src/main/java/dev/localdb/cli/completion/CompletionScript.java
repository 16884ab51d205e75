package dev.localdb.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The shell completion script for {@code localdb}: picocli's bash script for commands and
 * options, plus a few shell functions of our own (see project-names.bash) that complete project
 * names by listing folders, so pressing TAB never starts a JVM. zsh runs the same script through
 * its bash compatibility layer (bashcompinit).
 */
public final class CompletionScript {
    static final String NAME = "localdb";
    /** Where a {@code <project>} argument names a project that does not exist yet: nothing to offer. */
    private static final Set<String> NEW_NAMES_ONLY = Set.of("new");
    /** Commands that also work on projects that only hold a port (no folder): registry names too. */
    private static final Set<String> REGISTRY_TOO = Set.of("port", "release", "run");

    private CompletionScript() {
    }

    /** For bash: {@code source <(localdb completion bash)}. {@code root} must be the full command tree. */
    public static String bash(CommandLine root) {
        return AutoComplete.bash(NAME, root) + ProjectNames.script(projectCommands(root), valueOptions(root));
    }

    /** For zsh: loads compinit (unless already loaded) and bashcompinit, then the bash script. */
    public static String zsh(CommandLine root) {
        return """
                # localdb completion for zsh: the bash completion script below, run by zsh's bashcompinit.
                # Install: add  source <(localdb completion zsh)  to ~/.zshrc.
                if ! (( $+functions[compdef] )); then
                  autoload -U +X compinit && compinit
                fi
                autoload -U +X bashcompinit && bashcompinit

                """ + bash(root);
    }

    /** Each visible command whose first argument is a {@code <project>}: "folders", or "registry" for folders and registry. */
    static Map<String, String> projectCommands(CommandLine root) {
        Map<String, String> sources = new TreeMap<>();
        root.getSubcommands().forEach((name, command) -> {
            if (!command.getCommandSpec().usageMessage().hidden() && !NEW_NAMES_ONLY.contains(name) && firstIsProject(command)) {
                sources.put(name, REGISTRY_TOO.contains(name) ? "registry" : "folders");
            }
        });
        return sources;
    }

    /** "command --option" for every option that takes a value, so the word after it is not taken for a project. */
    static List<String> valueOptions(CommandLine root) {
        List<String> pairs = new ArrayList<>();
        root.getSubcommands().forEach((name, command) -> {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.arity().max() > 0) {
                    for (String optionName : option.names()) {
                        pairs.add(name + " " + optionName);
                    }
                }
            }
        });
        return pairs;
    }

    private static boolean firstIsProject(CommandLine command) {
        for (PositionalParamSpec positional : command.getCommandSpec().positionalParameters()) {
            if (positional.index().min() == 0 && "<project>".equals(positional.paramLabel())) {
                return true;
            }
        }
        return false;
    }
}
