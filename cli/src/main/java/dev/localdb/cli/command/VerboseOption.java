package dev.localdb.cli.command;

import picocli.CommandLine.Option;

/** {@code --verbose}, accepted by every command; the error reporter reads it from the parse result. */
public final class VerboseOption {
    @Option(names = "--verbose", description = "Show details, and the stack trace when something fails.")
    boolean verbose;

    public boolean enabled() {
        return verbose;
    }
}
