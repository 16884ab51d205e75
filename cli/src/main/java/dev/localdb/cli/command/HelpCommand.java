package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.domain.error.InvalidInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code localdb help [command]}, as git and docker have it: the same text as {@code --help}, on
 * stdout, exit 0. Its own class rather than picocli's, so that it takes --verbose and --no-color
 * like every command and an unknown command gets the same one line as a typo does.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. 'localdb help stop'; without one, the list of commands.")
public final class HelpCommand implements Callable<Integer>, CommandLine.IHelpCommandInitializable2 {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "<command>", arity = "0..1", description = "The command to show the help of.")
    String command;

    private CommandLine self;
    private Help.ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine root = self.getParent();
        CommandLine target = command == null ? root : root.getSubcommands().get(command);
        if (target == null) {
            throw new InvalidInputException(CommandTypo.message(root, command));
        }
        target.usage(out, colorScheme);
        return ExitCode.OK;
    }
}
