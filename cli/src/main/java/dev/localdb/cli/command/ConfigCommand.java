package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.cli.output.ConfigJson;
import dev.localdb.cli.output.ConfigTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows the effective settings and where each comes from. Reads only: never writes a file. */
@Command(name = "config", description = {"Show each setting's effective value and its source: environment variable, config file, or default.",
                "Settings are read from $LOCALDB_HOME/config.json; see docs/CONFIG.md."})
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Wiring wiring;

    @Spec
    CommandSpec spec;

    /** Accepted like everywhere; the output is plain text anyway. */
    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--path", description = "Print only the config file's path (whether or not it exists).")
    boolean path;

    ConfigCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (path) {
            // Works even when the file is broken, so a user can find the file to fix.
            out.println(wiring.home().configFile());
            return ExitCode.OK;
        }
        Configuration config = wiring.configuration();
        if (json) {
            ConfigJson.write(config, out);
        } else {
            ConfigTable.write(config, out);
        }
        return ExitCode.OK;
    }
}
