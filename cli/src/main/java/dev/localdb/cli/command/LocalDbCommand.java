package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: only groups the subcommands. */
@Command(name = "localdb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gives each named project its own TCP port: the same one after a restart, never one another project or program holds.",
        subcommands = {NewCommand.class, EditCommand.class, RmCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class,
                LogsCommand.class, OpenCommand.class, RunCommand.class, PortCommand.class, ReleaseCommand.class, PortsCommand.class,
                ConfigCommand.class, WhyCommand.class, DoctorCommand.class, ProxyCommand.class, ServeCommand.class, CompletionCommand.class, HelpCommand.class},
        footer = {"", "--verbose, --no-color and --json (where the command has it) may also come before the command: 'localdb --verbose status'."
                + " 'localdb help <command>' is 'localdb <command> --help'.",
                "", ExitCode.HELP_LINE,
                "Files live in $LOCALDB_HOME (default ~/.localdb)."})
public final class LocalDbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command, e.g. 'localdb start <project> --create'");
    }
}
