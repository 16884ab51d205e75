package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.completion.CompletionScript;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Printable;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the completion script for bash or zsh; the script completes project names without a JVM. */
@Command(name = "completion", description = {"Print a shell completion script for commands, options and project names.",
                "bash: source <(localdb completion bash)    zsh: source <(localdb completion zsh)"})
public final class CompletionCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<shell>", completionCandidates = Shells.class, description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        // LeanCommandLine built only this command: the script needs every command and option.
        CommandLine full = new CommandLine(LocalDbCommand.class, spec.commandLine().getFactory());
        String script = switch (shell) {
            case "bash" -> CompletionScript.bash(full);
            case "zsh" -> CompletionScript.zsh(full);
            default -> throw new InvalidInputException("Unknown shell \"" + Printable.of(shell)
                    + "\": localdb completes bash and zsh, e.g. 'source <(localdb completion bash)'.");
        };
        spec.commandLine().getOut().print(script);
        return ExitCode.OK;
    }

    /** The shells offered when completing {@code localdb completion <TAB>}. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh").iterator();
        }
    }
}
