package dev.localdb.cli;

import dev.localdb.cli.command.CommandTypo;
import dev.localdb.cli.command.LocalDbCommand;
import dev.localdb.cli.command.VersionProvider;
import dev.localdb.domain.model.Printable;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the configured {@link CommandLine} for {@link Main} and for tests alike: the same
 * commands, error handling and exit codes, with the environment and writers passed in.
 */
public final class LocalDbCli {
    private LocalDbCli() {
    }

    public static CommandLine commandLine(Map<String, String> env, String userHome, PrintWriter out, PrintWriter err) {
        return commandLine(new String[0], env, userHome, out, err);
    }

    /** The same, but only the subcommand that {@code args} names is built (see {@link LeanCommandLine}). */
    static CommandLine commandLine(String[] args, Map<String, String> env, String userHome, PrintWriter out, PrintWriter err) {
        Wiring wiring = new Wiring(env, userHome, err);
        CommandLine commandLine = LeanCommandLine.of(args, LocalDbCommand.class, new WiringFactory(wiring));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(LocalDbCli::badUsage);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // "@file" would read arguments from a file: a project name must never be a path.
        commandLine.setExpandAtFiles(false);
        return commandLine;
    }

    public static int run(String[] args, Map<String, String> env, String userHome, PrintWriter out, PrintWriter err) {
        String[] inOrder = GlobalOptions.afterTheCommand(args);
        try {
            if (asksForTheVersionOnly(inOrder)) {
                // A version string needs no command tree: picocli would first build the model of every command.
                for (String line : new VersionProvider().getVersion()) {
                    out.println(line);
                }
                return ExitCode.OK;
            }
            return commandLine(inOrder, env, userHome, out, err).execute(inOrder);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code localdb --version} or {@code -V} and nothing else (with more, picocli judges the whole line). */
    static boolean asksForTheVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** A usage mistake gets one line and a pointer to --help, not the whole usage text. */
    private static int badUsage(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        if (isUnknownCommand(error)) {
            err.println("error: " + CommandTypo.message(command, ((CommandLine.UnmatchedArgumentException) error).getUnmatched().get(0)));
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        // picocli quotes the bad argument as it is: escape what could drive the terminal or break the line.
        err.println("error: " + Printable.escaped(error.getMessage()) + " (try '" + command.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    /** The first word after 'localdb' is not one of its commands (a typo such as 'stauts'). */
    private static boolean isUnknownCommand(CommandLine.ParameterException error) {
        CommandLine command = error.getCommandLine();
        return error instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && command.getParent() == null && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && command.getParseResult() != null
                && command.getParseResult().originalArgs().indexOf(unmatched.getUnmatched().get(0)) == 0;
    }

    /** Gives every command that wants it the shared {@link Wiring}. */
    private record WiringFactory(Wiring wiring) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == Wiring.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(wiring));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
